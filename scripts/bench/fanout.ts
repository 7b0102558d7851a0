/**
 * Line 14: notification fan-out. A reply (`POST /api/annotations/:id/replies`, alice's token)
 * in threads where 20 other people wrote (the annotation's author and 19 repliers: each reply
 * notifies all 20, in the reply's own transaction, lib/reviews/reply-to-annotation.ts), against
 * the same reply in threads where nobody else wrote (alice's own annotation: nobody to notify).
 * Both at the same concurrency in the same run, alternating, in rounds; the p95 of each kind is
 * the median of its rounds' p95. Each kind has THREADS threads on claims of their own, so that
 * the claim lock a reply takes is seldom waited for and the comparison is of the work itself.
 */
import type { Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db.ts";
import { resolveActor } from "../../lib/users/resolve-actor.ts";
import { createAnnotation } from "../../lib/annotations/create-annotation.ts";
import { submitAnnotation } from "../../lib/annotations/submit-annotation.ts";
import { replyToAnnotation } from "../../lib/reviews/reply-to-annotation.ts";
import type { BenchResult } from "./result.ts";
import { result } from "./result.ts";
import type { BenchData } from "./data.ts";
import { describeLoad, measureLoad, type LoadResult } from "./load.ts";
import { median, round } from "./stats.ts";

/** People who wrote in each busy thread, besides the one replying. */
export const FANOUT_PARTICIPANTS = 20;
const CONNECTIONS = 8;
const THREADS = 8;
const ROUNDS = 3;

const REPLY = JSON.stringify({ body: "Checked the release again: the figure is the seasonally adjusted one." });

/** `count` reviewers made for this line (not through sign-up: their passwords are never used). */
async function participants(count: number): Promise<Actor[]> {
  const people: Actor[] = [];
  for (let index = 0; index < count; index += 1) {
    const user = await db.user.create({
      data: { email: `fanout-${index + 1}@bench.factdesk.test`, name: `Fan-out reviewer ${index + 1}`, passwordHash: "!", role: "reviewer" },
      select: { id: true, tokenVersion: true },
    });
    const actor = await resolveActor({ userId: user.id, tokenVersion: user.tokenVersion });
    if (!actor) throw new Error("no actor for a fan-out reviewer");
    people.push(actor);
  }
  return people;
}

/** A submitted verdict by `author` on `claimId`, then one reply by each of `repliers`. */
async function thread(author: Actor, claimId: string, repliers: readonly Actor[]): Promise<string> {
  const draft = await createAnnotation({
    actor: author,
    claimId,
    input: { kind: "verification", verdict: "mostly_true", rationale: "The release gives the same figure, seasonally adjusted." },
  });
  await submitAnnotation({ actor: author, annotationId: draft.id });
  for (const replier of repliers) {
    await replyToAnnotation({ actor: replier, annotationId: draft.id, input: { body: `Looked at it too (${replier.name}).` } });
  }
  return draft.id;
}

export async function fanoutLine(options: {
  origin: string;
  serverCpuMs: () => number;
  data: BenchData;
  seconds: number;
  log: (message: string) => void;
}): Promise<BenchResult[]> {
  const { origin, data, log } = options;
  // Claims at the end of the annotation target's list: line 3 adds sources to every claim,
  // which changes nothing here (a source's thread is not these verdicts' threads).
  const claims = data.target.claimIds.slice(-2 * THREADS);
  if (claims.length < 2 * THREADS) throw new Error("not enough claims for line 14");
  const people = await participants(FANOUT_PARTICIPANTS);
  const [author, ...repliers] = people as [Actor, ...Actor[]];
  const quiet: string[] = [];
  const busy: string[] = [];
  for (let index = 0; index < THREADS; index += 1) {
    quiet.push(await thread(data.alice, claims[index]!, []));
    busy.push(await thread(author, claims[THREADS + index]!, repliers));
  }
  const headers = { authorization: `Bearer ${data.token}`, "content-type": "application/json" };
  const once = await fetch(`${origin}/api/annotations/${busy[0]}/replies`, { method: "POST", headers, body: REPLY });
  if (once.status !== 201) throw new Error(`a reply answered ${once.status}: ${(await once.text()).slice(0, 300)}`);
  const notifiedByOne = await db.notification.count({ where: { actorId: data.alice.id, targetId: busy[0], kind: "reply" } });
  const load = (targets: string[]) => {
    let next = 0;
    return measureLoad(
      {
        origin,
        method: "POST",
        path: () => `/api/annotations/${targets[next++ % targets.length]}/replies`,
        headers,
        body: REPLY,
        connections: CONNECTIONS,
        seconds: options.seconds,
      },
      2,
      options.serverCpuMs,
    );
  };
  const rounds: { quiet: LoadResult; busy: LoadResult }[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const quietLoad = await load(quiet);
    log(describeLoad(`14. round ${round}, reply, nobody to notify, c=${CONNECTIONS}`, quietLoad));
    const busyLoad = await load(busy);
    log(describeLoad(`14. round ${round}, reply, ${FANOUT_PARTICIPANTS} to notify, c=${CONNECTIONS}`, busyLoad));
    rounds.push({ quiet: quietLoad, busy: busyLoad });
  }
  // Every reply to a busy thread made its notifications: 20 per reply, none more, none less.
  const busyReplies = await db.reply.count({ where: { authorId: data.alice.id, annotationId: { in: busy } } });
  const busyNotices = await db.notification.count({ where: { actorId: data.alice.id, targetId: { in: busy }, kind: "reply" } });
  const quietNotices = await db.notification.count({ where: { actorId: data.alice.id, targetId: { in: quiet } } });
  const failures = rounds.reduce((sum, one) => sum + one.quiet.non2xx + one.quiet.errors + one.busy.non2xx + one.busy.errors, 0);
  const quietP95 = median(rounds.map((one) => one.quiet.p95));
  const busyP95 = median(rounds.map((one) => one.busy.p95));
  const complete = busyNotices === busyReplies * FANOUT_PARTICIPANTS && quietNotices === 0 && notifiedByOne === FANOUT_PARTICIPANTS;
  const describe = (load: LoadResult) =>
    `p50 ${round(load.p50, 1)} ms, p95 ${round(load.p95, 1)} ms, ${round(load.rps, 0)} req/s` +
    (load.serverCpuMsPerResponse !== undefined ? `, app CPU ${round(load.serverCpuMsPerResponse, 1)} ms/reply` : "");
  return [
    {
      ...result({
        name: `14. reply p95 c=${CONNECTIONS}, ${FANOUT_PARTICIPANTS} people to notify`,
        baseline: quietP95,
        value: busyP95,
        unit: "ms",
        target: "≤ 1.5 × nobody to notify",
        pass: busyP95 <= 1.5 * quietP95 && failures === 0 && complete,
        ...(failures ? { note: `${failures} failed responses` } : !complete ? { note: "notifications missing or extra" } : {}),
      }),
      detail:
        `baseline = the same reply where nobody else wrote, same run and concurrency; ${THREADS} threads of each kind, ` +
        `${ROUNDS} alternating rounds of ${options.seconds} s after a 2 s warm-up each, p95 = median of the rounds' p95; ` +
        rounds.map((one, index) => `round ${index + 1}: nobody ${describe(one.quiet)}; 20 people ${describe(one.busy)}`).join("; ") +
        `; ${busyReplies} replies to busy threads made ${busyNotices} notifications (${FANOUT_PARTICIPANTS} each), ` +
        `in the reply's transaction; replies to quiet threads made ${quietNotices}`,
    },
  ];
}
