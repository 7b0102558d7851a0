import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { replyToAnnotation } from "@/lib/reviews/reply-to-annotation";
import { assignArticle, assignClaim } from "@/lib/assignments/assign";
import { disableUser } from "@/lib/users/disable-user";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/inbox";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/notifications/settings";
import { mentionToken } from "@/lib/mentions/tokens";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import type { LiveChange } from "@/lib/live/publish";
import { stopListening, subscribe, whenListening } from "@/lib/live/subscribe";
import { userChannelKey } from "@/lib/notifications/channel";
import { makeUser } from "./factories";
import { makeClaim, makeVerification } from "./claim-factories";
import { annotationIn, review, submitted } from "./review-factories";
import { createRevision } from "@/lib/articles/create-revision";
import { getArticle } from "@/lib/articles/get-article";
import { getClaim } from "@/lib/claims/get-claim";
import { publishVersion } from "@/lib/versions/publish-version";

afterAll(async () => {
  await stopListening();
});

/** Every notification of `user`, oldest first, as kind and actor. */
async function inbox(user: Actor) {
  const rows = await db.notification.findMany({ where: { recipientId: user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ kind: row.kind, actorId: row.actorId, targetId: row.targetId }));
}

const ALL_ON = { mention: true, reply: true, review: true, assignment: true, due: true, reverification: true, published: true };

const reply = (actor: Actor, annotationId: string, body: string) => replyToAnnotation({ actor, annotationId, input: { body } });

describe("mentions in replies", () => {
  it("are stored by id, shown by the current name, and notify the person mentioned once", async () => {
    const [alice, bob] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob")]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    const sent = await reply(bob, annotation.id, `${mentionToken(alice.id)} could you check the date? ${mentionToken(alice.id)}`);
    expect(sent.mentions).toEqual([{ id: alice.id, name: "Alice" }]);
    expect(await inbox(alice)).toEqual([{ kind: "mention", actorId: bob.id, targetId: annotation.id }]);
    expect(await inbox(bob)).toEqual([]);

    await db.user.update({ where: { id: alice.id }, data: { name: "Alice Renamed" } });
    const read = await getAnnotation({ actor: bob, annotationId: annotation.id });
    expect(read.replies[0]!.mentions).toEqual([{ id: alice.id, name: "Alice Renamed" }]);

    const { items, unread } = await listNotifications({ actor: alice });
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({
      kind: "mention",
      actor: { id: bob.id, name: "Bob" },
      target: { type: "annotation", id: annotation.id, articleId: claim.articleId, claimId: claim.id },
      readAt: null,
    });
    expect(items[0]!.summary).toContain("@Alice could you check the date?");
  });

  it("of someone unknown or disabled are refused, and nothing is written", async () => {
    const [alice, gone, admin] = await Promise.all([makeUser(), makeUser(), makeUser("admin")]);
    await disableUser({ actor: admin, userId: gone.id });
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    const before = [await db.reply.count(), await db.notification.count(), await db.auditEvent.count()];
    for (const body of [`hi ${mentionToken(gone.id)}`, `hi ${mentionToken("nobody-at-all")}`]) {
      await expect(reply(alice, annotation.id, body)).rejects.toMatchObject({ code: "unprocessable", fields: { body: expect.any(String) } });
    }
    expect([await db.reply.count(), await db.notification.count(), await db.auditEvent.count()]).toEqual(before);
  });

  it("in a draft's thread notify nobody but its author, who may see it", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const claim = await makeClaim(alice);
    const draft = await makeVerification(alice, claim.id);
    await reply(alice, draft.id, `note to self, ask ${mentionToken(bob.id)}`);
    expect(await inbox(bob)).toEqual([]);
  });
});

describe("notifications", () => {
  it("a reply reaches everyone who wrote in the thread, once each, never the one replying; a mention replaces the reply notice", async () => {
    const [author, reviewer, replier, mentioned, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await review(reviewer, annotation, "request_changes", "Which survey?");
    await reply(replier, annotation.id, "I think it is the labour force survey.");
    await reply(replier, annotation.id, "Or the census.");
    await db.notification.deleteMany({ where: { recipientId: { in: [author.id, reviewer.id, replier.id] } } });

    await reply(mentioned, annotation.id, `Confirmed. ${mentionToken(author.id)}`);
    expect(await inbox(author)).toEqual([{ kind: "mention", actorId: mentioned.id, targetId: annotation.id }]);
    expect(await inbox(reviewer)).toEqual([{ kind: "reply", actorId: mentioned.id, targetId: annotation.id }]);
    expect(await inbox(replier)).toEqual([{ kind: "reply", actorId: mentioned.id, targetId: annotation.id }]);
    expect(await inbox(mentioned)).toEqual([]);
    expect(await inbox(outsider)).toEqual([]);
  });

  it("a review tells the author what was decided", async () => {
    const [author, reviewer] = await Promise.all([makeUser(), makeUser("reviewer", "Rita")]);
    const claim = await makeClaim(author);
    for (const [decision, words] of [
      ["approve", "approved your verdict"],
      ["request_changes", "requested changes on your verdict"],
      ["reject", "rejected your verdict"],
    ] as const) {
      const annotation = await submitted(author, claim.id);
      await review(reviewer, annotation, decision, "Because.");
      const [latest] = (await listNotifications({ actor: author, input: { limit: 1 } })).items;
      expect(latest).toMatchObject({ kind: "review", actor: { name: "Rita" }, target: { id: annotation.id } });
      expect(latest!.summary).toContain(words);
    }
    expect(await inbox(reviewer)).toEqual([]);
  });

  it("an assignment tells the assignee, not someone taking work for themselves", async () => {
    const [editor, alice, bob] = await Promise.all([makeUser("editor"), makeUser(), makeUser()]);
    const claim = await makeClaim(bob);
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id, dueAt: "2030-01-01T09:00:00Z" } });
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id, dueAt: "2030-01-02T09:00:00Z" } });
    await assignArticle({ actor: editor, id: claim.articleId, input: { assigneeId: alice.id } });
    expect(await inbox(alice)).toEqual([
      { kind: "assignment", actorId: editor.id, targetId: claim.id },
      { kind: "assignment", actorId: editor.id, targetId: claim.articleId },
    ]);
    const other = await makeClaim(alice);
    await assignClaim({ actor: bob, id: other.id, input: { assigneeId: bob.id } });
    expect(await inbox(bob)).toEqual([]);
  });

  it("a claim someone checked going back to re-verification tells the authors and approving reviewers, not the editor", async () => {
    const [editor, author, checker, bystander] = await Promise.all([makeUser("editor"), makeUser(), makeUser(), makeUser()]);
    const claim = await makeClaim(author);
    await annotationIn("approved", author, checker, claim.id, "verification");
    await annotationIn("approved", author, checker, claim.id, "source");
    await submitted(bystander, claim.id, "source");
    await db.notification.deleteMany({ where: { recipientId: { in: [author.id, checker.id, bystander.id] } } });
    const article = await getArticle({ actor: editor, id: claim.articleId });
    await createRevision({
      actor: editor,
      articleId: claim.articleId,
      input: { text: article.revision.text.replace("fell by 3%", "fell by 3.2%"), baseRevision: article.revision.number },
    });
    expect((await getClaim({ actor: author, claimId: claim.id })).status).toBe("needs_reverification");
    expect(await inbox(author)).toEqual([{ kind: "reverification", actorId: editor.id, targetId: claim.id }]);
    expect(await inbox(checker)).toEqual([{ kind: "reverification", actorId: editor.id, targetId: claim.id }]);
    expect(await inbox(bystander)).toEqual([]);
    expect(await inbox(editor)).toEqual([]);
  });

  it("a new published version tells everyone who worked on the article, never about a draft only its author saw", async () => {
    const [editor, marker, author, reviewer, drafter] = await Promise.all([makeUser("editor"), makeUser(), makeUser(), makeUser(), makeUser()]);
    const claim = await makeClaim(marker);
    await annotationIn("approved", author, reviewer, claim.id, "verification");
    await makeVerification(drafter, claim.id);
    await db.notification.deleteMany({ where: { recipientId: { in: [marker.id, author.id, reviewer.id, drafter.id] } } });
    await publishVersion({ actor: editor, articleId: claim.articleId, input: {} });
    for (const person of [marker, author, reviewer]) {
      expect(await inbox(person)).toEqual([{ kind: "published", actorId: editor.id, targetId: claim.articleId }]);
    }
    expect(await inbox(drafter)).toEqual([]);
    expect(await inbox(editor)).toEqual([]);
  });

  it("respects each person's settings, and skips disabled accounts", async () => {
    const [author, replier, admin] = await Promise.all([makeUser(), makeUser(), makeUser("admin")]);
    const claim = await makeClaim(author);
    const annotation = await submitted(author, claim.id);
    await updateNotificationSettings({ actor: author, input: { kinds: { ...ALL_ON, reply: false }, email: "hourly" } });
    expect(await getNotificationSettings({ actor: author })).toEqual({
      kinds: { ...ALL_ON, reply: false },
      email: "hourly",
    });
    await reply(replier, annotation.id, "A plain reply.");
    expect(await inbox(author)).toEqual([]);
    await reply(replier, annotation.id, `With a mention ${mentionToken(author.id)}`);
    expect(await inbox(author)).toEqual([{ kind: "mention", actorId: replier.id, targetId: annotation.id }]);

    await disableUser({ actor: admin, userId: replier.id });
    await reply(author, annotation.id, "Thanks.");
    expect(await inbox(replier)).toEqual([]);
  });

  it("bad settings are refused and change nothing", async () => {
    const user = await makeUser();
    const before = await getNotificationSettings({ actor: user });
    for (const input of [
      { kinds: { mention: false }, email: "off" },
      { kinds: ALL_ON, email: "weekly" },
      { kinds: { ...ALL_ON, mention: "no" }, email: "off" },
    ]) {
      await expect(updateNotificationSettings({ actor: user, input })).rejects.toMatchObject({ code: "invalid_input" });
    }
    expect(await getNotificationSettings({ actor: user })).toEqual(before);
    expect(await db.notificationSettings.count({ where: { userId: user.id } })).toBe(0);
  });

  it("are marked read one by one or all at once, only one's own, and page newest first", async () => {
    const [alice, bob, carol] = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    for (const n of [1, 2, 3]) await reply(bob, annotation.id, `Reply ${n}`);
    const all = await listNotifications({ actor: alice });
    expect(all.items.map((item) => item.summary.match(/Reply \d/)?.[0])).toEqual(["Reply 3", "Reply 2", "Reply 1"]);

    const pageOne = await listNotifications({ actor: alice, input: { limit: 2 } });
    const pageTwo = await listNotifications({ actor: alice, input: { limit: 2, cursor: pageOne.nextCursor } });
    expect([...pageOne.items, ...pageTwo.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    expect(pageTwo.nextCursor).toBeNull();

    // Someone else's ids match nothing.
    expect(await markNotificationsRead({ actor: carol, input: { ids: [all.items[0]!.id] } })).toEqual({ unread: 0 });
    expect(await markNotificationsRead({ actor: alice, input: { ids: [all.items[0]!.id] } })).toEqual({ unread: 2 });
    expect((await listNotifications({ actor: alice, input: { unread: "1" } })).items.map((item) => item.id)).toEqual(
      all.items.slice(1).map((item) => item.id),
    );
    await expect(markNotificationsRead({ actor: alice, input: { all: false } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(markNotificationsRead({ actor: alice, input: {} })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await markNotificationsRead({ actor: alice, input: { all: true } })).toEqual({ unread: 0 });
  });

  it("are announced on the recipient's own live channel once committed", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id);
    const heard: LiveChange[] = [];
    const heardByBob: LiveChange[] = [];
    const stopAlice = subscribe(userChannelKey(alice.id), (change) => heard.push(change));
    const stopBob = subscribe(userChannelKey(bob.id), (change) => heardByBob.push(change));
    await whenListening();
    await reply(bob, annotation.id, `Look ${mentionToken(alice.id)}`);
    const deadline = Date.now() + 5_000;
    while (heard.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    stopAlice();
    stopBob();
    const [stored] = await db.notification.findMany({ where: { recipientId: alice.id } });
    expect(heard).toEqual([expect.objectContaining({ articleId: userChannelKey(alice.id), type: "notification.created", id: stored!.id })]);
    expect(heardByBob).toEqual([]);
  });
});
