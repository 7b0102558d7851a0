/**
 * Notification email, against a mail server this test starts on 127.0.0.1 (tests/integration/
 * smtp-fixture.ts) and the job queue on the run's PostgreSQL: a mention is mailed once to the
 * person mentioned; an hourly digest is one mail at the hour with everything since; someone
 * who turned email off gets none; something the recipient may no longer see is not mailed; and
 * a worker killed while the mail server has not yet answered leaves exactly one mail after a
 * new worker takes over.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { JobQueue, type WorkerHandle } from "@/lib/jobs/queue";
import { JOB_SPECS } from "@/lib/jobs/registry";
import { JOB_HANDLERS } from "@/lib/jobs/handlers";
import { appQueue } from "@/lib/jobs";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { disableUser } from "@/lib/users/disable-user";
import { mentionToken } from "@/lib/mentions/tokens";
import { sweepNotificationEmail } from "@/lib/mail/sweep";
import { stopListening } from "@/lib/live/subscribe";
import { makeUser } from "./factories";
import { makeClaim } from "./claim-factories";
import { submitted } from "./review-factories";
import { startSmtpServer, type ReceivedMail, type SmtpFixture } from "./smtp-fixture";

const ORIGIN = "https://desk.example.org";
const ALL_ON = { mention: true, reply: true, review: true, assignment: true, due: true, reverification: true, published: true };

let smtp: SmtpFixture;
let worker: { queue: JobQueue<typeof JOB_SPECS>; handle: WorkerHandle } | null = null;
const children: ChildProcess[] = [];

/** A worker in this process for the mail jobs, checking for lost jobs every second. */
async function startMailWorker(): Promise<void> {
  const queue = new JobQueue(JOB_SPECS, { pollingIntervalSeconds: 0.5, monitorIntervalSeconds: 1, max: 3 });
  const handle = await queue.work({ "email-notification": JOB_HANDLERS["email-notification"], "email-digest": JOB_HANDLERS["email-digest"] });
  worker = { queue, handle };
}

async function stopMailWorker(): Promise<void> {
  await worker?.handle.stop({ graceful: true, timeoutMs: 5_000 });
  worker = null;
}

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mailsTo(user: Actor): ReceivedMail[] {
  return smtp.accepted.filter((mail) => mail.envelopeTo.includes(user.email));
}

const mention = (actor: Actor, annotationId: string, body: string) => replyToAnnotation({ actor, annotationId, input: { body } });

async function emailStates(recipient: Actor): Promise<(string | null)[]> {
  const rows = await db.notification.findMany({ where: { recipientId: recipient.id }, orderBy: { createdAt: "asc" }, select: { emailState: true } });
  return rows.map((row) => row.emailState);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_URL", smtp.url);
  vi.stubEnv("FACTDESK_PUBLIC_URL", ORIGIN);
  vi.stubEnv("FACTDESK_MAIL_FROM", "Desk <desk@desk.example.org>");
});

afterEach(async () => {
  await stopMailWorker();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await appQueue().stop({ graceful: false });
  await stopListening();
  await smtp.stop();
});

describe("notification email", () => {
  it("mails a mention once, to the person mentioned, with links on the public origin and what people typed escaped", async () => {
    await startMailWorker();
    const [alice, carol] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Carol <b>&</b>")]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    await mention(carol, annotation.id, `${mentionToken(alice.id)} is <img src=x onerror=alert(1)> right?`);

    await until(() => mailsTo(alice).length >= 1);
    await pause(1_500);
    expect(mailsTo(alice)).toHaveLength(1);
    expect(mailsTo(carol)).toHaveLength(0);
    const [mail] = mailsTo(alice);
    expect(mail!.from).toBe('"Desk" <desk@desk.example.org>');
    expect(mail!.subject).toContain("Carol <b>&</b> mentioned you");
    const link = `${ORIGIN}/articles/${claim.articleId}?claim=${claim.id}`;
    expect(mail!.text).toContain("Hello Alice,");
    expect(mail!.text).toContain(link);
    expect(mail!.text).toContain("@Alice is <img src=x onerror=alert(1)> right?");
    expect(mail!.html).toContain(`href="${link}"`);
    expect(mail!.html).toContain("Carol &lt;b&gt;&amp;&lt;/b&gt;");
    expect(mail!.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail!.html).not.toContain("<img");
    expect(mail!.html).not.toContain("<b>&");
    expect(mail!.messageId).toMatch(/^<notification\.[^@]+@desk\.example\.org>$/);
    expect(await emailStates(alice)).toEqual(["sent"]);
  });

  it("sends nothing to someone who turned email off, while the others mentioned are mailed", async () => {
    await startMailWorker();
    const [quiet, loud, carol] = await Promise.all([makeUser("reviewer", "Quiet"), makeUser("reviewer", "Loud"), makeUser("reviewer", "Carol")]);
    await updateNotificationSettings({ actor: quiet, input: { kinds: ALL_ON, email: "off" } });
    const claim = await makeClaim(carol);
    const annotation = await submitted(carol, claim.id);
    await mention(carol, annotation.id, `${mentionToken(quiet.id)} and ${mentionToken(loud.id)}, have a look`);

    await until(() => mailsTo(loud).length >= 1);
    await pause(1_500);
    expect(mailsTo(loud)).toHaveLength(1);
    expect(mailsTo(quiet)).toHaveLength(0);
    // The bell still has it.
    expect(await db.notification.count({ where: { recipientId: quiet.id } })).toBe(1);
    expect(await emailStates(quiet)).toEqual([null]);
    // The sweep queues nothing for her either.
    await sweepNotificationEmail({ now: new Date(Date.now() + 60 * 60_000) });
    await pause(1_500);
    expect(mailsTo(quiet)).toHaveLength(0);
  });

  it("sends an hourly digest as one mail at the hour, with every notification since and nothing the recipient may no longer see", async () => {
    await startMailWorker();
    const [erin, alice, carol] = await Promise.all([makeUser("reviewer", "Erin"), makeUser("reviewer", "Alice"), makeUser("reviewer", "Carol")]);
    await updateNotificationSettings({ actor: erin, input: { kinds: ALL_ON, email: "hourly" } });
    const claim = await makeClaim(alice);
    const visible = await submitted(alice, claim.id);
    const withdrawn = await submitted(alice, claim.id, "source");
    const start = new Date();
    await mention(carol, visible.id, `${mentionToken(erin.id)} first question`);
    await mention(carol, visible.id, `${mentionToken(erin.id)} second question`);
    await mention(alice, visible.id, `${mentionToken(erin.id)} third question`);
    await mention(carol, withdrawn.id, `${mentionToken(erin.id)} about a source that goes back to a draft`);
    // Someone immediate, mentioned last: once their mail is in, the worker had its chance.
    await mention(carol, visible.id, `${mentionToken(alice.id)} a nudge`);
    await until(() => mailsTo(alice).length >= 1);
    await pause(1_000);
    expect(mailsTo(erin)).toHaveLength(0);

    // Before the hour has turned, the sweep owes her nothing yet.
    expect((await sweepNotificationEmail({ now: start })).digests).toBe(0);
    await withdrawAnnotation({ actor: alice, annotationId: withdrawn.id, input: { version: withdrawn.version } });

    const nextHour = new Date(Date.now() + 60 * 60_000);
    expect((await sweepNotificationEmail({ now: nextHour })).digests).toBe(1);
    await until(() => mailsTo(erin).length >= 1);
    await pause(1_500);
    expect(mailsTo(erin)).toHaveLength(1);
    const [digest] = mailsTo(erin);
    expect(digest!.subject).toBe("[Factdesk] 3 notifications");
    for (const quote of ["first question", "second question", "third question"]) expect(digest!.text).toContain(quote);
    expect(digest!.text).not.toContain("goes back to a draft");
    expect(digest!.text).toContain(`${ORIGIN}/articles/${claim.articleId}?claim=${claim.id}`);
    expect((await emailStates(erin)).sort()).toEqual(["sent", "sent", "sent", "skipped"]);

    // The next sweep of the same hour sends nothing again.
    expect((await sweepNotificationEmail({ now: nextHour })).digests).toBe(0);
    await pause(1_000);
    expect(mailsTo(erin)).toHaveLength(1);
  });

  it("mails nothing to an account disabled before its mail went out", async () => {
    await startMailWorker();
    const [gina, carol, admin] = await Promise.all([makeUser("reviewer", "Gina"), makeUser("reviewer", "Carol"), makeUser("admin", "Admin")]);
    await updateNotificationSettings({ actor: gina, input: { kinds: ALL_ON, email: "hourly" } });
    const claim = await makeClaim(carol);
    const annotation = await submitted(carol, claim.id);
    await mention(carol, annotation.id, `${mentionToken(gina.id)} before you leave`);
    expect(await emailStates(gina)).toEqual(["pending"]);
    await disableUser({ actor: admin, userId: gina.id });
    await sweepNotificationEmail({ now: new Date(Date.now() + 60 * 60_000) });
    await until(async () => (await emailStates(gina))[0] !== "pending");
    expect(await emailStates(gina)).toEqual(["skipped"]);
    expect(mailsTo(gina)).toHaveLength(0);
  });

  it("sends exactly one mail when the worker is killed mid-send and another worker takes over", { timeout: 120_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      cwd: root,
      env: { ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(() => output.includes("Working background jobs."), 60_000);

    const [alice, carol] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Carol")]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    const { held } = smtp.holdNext();
    const abandonedBefore = smtp.abandoned;
    await mention(carol, annotation.id, `${mentionToken(alice.id)} please check`);

    // The worker has sent the whole mail and waits for the server's answer: kill it there.
    await held;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    await until(() => smtp.abandoned > abandonedBefore, 10_000);
    expect(mailsTo(alice)).toHaveLength(0);
    expect(await emailStates(alice)).toEqual(["pending"]);

    // A new worker notices the silent job and sends the mail, once.
    await startMailWorker();
    await until(() => mailsTo(alice).length >= 1, 90_000);
    await pause(2_000);
    expect(mailsTo(alice)).toHaveLength(1);
    expect(mailsTo(alice)[0]!.text).toContain("please check");
    expect(await emailStates(alice)).toEqual(["sent"]);
  });
});

describe("without SMTP_URL", () => {
  it("owes, queues and sends nothing", async () => {
    vi.stubEnv("SMTP_URL", "");
    try {
      await startMailWorker();
      const before = smtp.accepted.length;
      const [alice, carol] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Carol")]);
      const claim = await makeClaim(alice);
      const annotation = await submitted(alice, claim.id);
      await mention(carol, annotation.id, `${mentionToken(alice.id)} no mail for this`);
      expect(await emailStates(alice)).toEqual([null]);
      const [notification] = await db.notification.findMany({ where: { recipientId: alice.id }, select: { id: true } });
      const jobs = await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM factdesk_jobs.job WHERE name = 'email-notification' AND data->>'notificationId' = ${notification!.id}`;
      expect(jobs[0]!.count).toBe(0);
      expect(await sweepNotificationEmail({ now: new Date(Date.now() + 60 * 60_000) })).toEqual({ digests: 0, immediate: 0 });
      await pause(1_500);
      expect(smtp.accepted.length).toBe(before);
    } finally {
      vi.stubEnv("SMTP_URL", smtp.url);
    }
  });
});
