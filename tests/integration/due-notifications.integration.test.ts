/**
 * "Due within 24 hours": the scheduled job tells each assignee once per due date, however often
 * and on however many queue instances it runs; never too early, never against their settings or
 * to a disabled account; a new assignee or a new due date is told again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { assignArticle, assignClaim } from "@/lib/assignments/assign";
import { notifyDueSoon } from "@/lib/assignments/due-soon";
import { listNotifications } from "@/lib/notifications/inbox";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { disableUser } from "@/lib/users/disable-user";
import { JobQueue } from "@/lib/jobs/queue";
import { JOB_SPECS, type AppJobSpecs } from "@/lib/jobs/registry";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { makeUser } from "./factories";
import { makeClaim, makeClaimArticle } from "./claim-factories";

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const ALL_ON = { mention: true, reply: true, review: true, assignment: true, due: true, reverification: true, published: true };

/** The "due" notifications of `user`: what they were told about and by whom. */
async function dueInbox(user: Actor) {
  const rows = await db.notification.findMany({ where: { recipientId: user.id, kind: "due" }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ targetId: row.targetId, actorId: row.actorId, dueAt: row.dueAt?.toISOString() ?? null }));
}

const queues: JobQueue<AppJobSpecs>[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop({ graceful: false })));
});

/** Runs the scheduled job once on a queue instance of its own, as another app instance would. */
async function runOnAnotherInstance(): Promise<void> {
  const queue = new JobQueue(JOB_SPECS, { pollingIntervalSeconds: 0.5, max: 2 });
  queues.push(queue);
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  await queue.work({
    "notify-due-soon": async (data, run) => {
      await JOB_HANDLERS["notify-due-soon"](data, run);
      finish();
    },
  });
  await queue.enqueue("notify-due-soon", {});
  await done;
}

describe("due-date notifications", () => {
  it("tell the assignee of a claim due within 24 hours exactly once, across runs and instances", async () => {
    const [editor, alice] = await Promise.all([makeUser("editor", "Ed"), makeUser("reviewer", "Alice")]);
    const soon = await makeClaim(editor);
    const later = await makeClaim(editor);
    const dueAt = inHours(3);
    await assignClaim({ actor: editor, id: soon.id, input: { assigneeId: alice.id, dueAt } });
    await assignClaim({ actor: editor, id: later.id, input: { assigneeId: alice.id, dueAt: inHours(72) } });

    await notifyDueSoon();
    await notifyDueSoon();
    await runOnAnotherInstance();

    expect(await dueInbox(alice)).toEqual([{ targetId: soon.id, actorId: null, dueAt: new Date(dueAt).toISOString() }]);
    const { items } = await listNotifications({ actor: alice });
    const due = items.filter((item) => item.kind === "due");
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ actor: null, target: { type: "claim", id: soon.id, articleId: soon.articleId, claimId: soon.id } });
    expect(due[0]!.summary).toMatch(/^Due within 24 hours: claim “/);
    expect(await dueInbox(editor)).toEqual([]);
  });

  it("tell nobody who turned the kind off or whose account is disabled", async () => {
    const [editor, quiet, gone, admin] = await Promise.all([makeUser("editor"), makeUser(), makeUser(), makeUser("admin")]);
    await updateNotificationSettings({ actor: quiet, input: { kinds: { ...ALL_ON, due: false }, email: "off" } });
    const [first, second] = [await makeClaim(editor), await makeClaim(editor)];
    await assignClaim({ actor: editor, id: first.id, input: { assigneeId: quiet.id, dueAt: inHours(2) } });
    await assignClaim({ actor: editor, id: second.id, input: { assigneeId: gone.id, dueAt: inHours(2) } });
    await disableUser({ actor: admin, userId: gone.id });

    await notifyDueSoon();

    expect(await dueInbox(quiet)).toEqual([]);
    expect(await dueInbox(gone)).toEqual([]);
  });

  it("tell a new assignee, and the same one again for a new due date", async () => {
    const [editor, alice, bob] = await Promise.all([makeUser("editor"), makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob")]);
    const claim = await makeClaim(editor);
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id, dueAt: inHours(3) } });
    await notifyDueSoon();
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: bob.id, dueAt: inHours(3) } });
    await notifyDueSoon();
    expect(await dueInbox(alice)).toHaveLength(1);
    expect(await dueInbox(bob)).toHaveLength(1);

    const moved = inHours(5);
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: bob.id, dueAt: moved } });
    await notifyDueSoon();
    await notifyDueSoon();
    expect((await dueInbox(bob)).map((row) => row.dueAt)).toEqual([expect.any(String), new Date(moved).toISOString()]);
  });

  it("tell the assignee of an article, leading to the article", async () => {
    const [editor, alice] = await Promise.all([makeUser("editor"), makeUser("reviewer", "Alice")]);
    const articleId = await makeClaimArticle();
    await assignArticle({ actor: editor, id: articleId, input: { assigneeId: alice.id, dueAt: inHours(1) } });
    await notifyDueSoon();
    const { items } = await listNotifications({ actor: alice });
    const due = items.filter((item) => item.kind === "due");
    expect(due).toMatchObject([{ target: { type: "article", id: articleId, articleId, claimId: null } }]);
    expect(due[0]!.summary).toMatch(/^Due within 24 hours: article /);
  });
});
