/**
 * Mentions in a verdict's rationale: stored as references to people, shown by their current
 * names wherever the rationale is read, and one "mention" notification per person, only once
 * the annotation is visible to them (lib/annotations/rationale-mentions.ts).
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { mentionToken } from "@/lib/mentions/tokens";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { withdrawAnnotation } from "@/lib/annotations/withdraw-annotation";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { getClaim } from "@/lib/claims/get-claim";
import { listReviewQueue } from "@/lib/reviews/list-review-queue";
import { listNotifications } from "@/lib/notifications/inbox";
import { updateNotificationSettings } from "@/lib/notifications/settings";
import { disableUser } from "@/lib/users/disable-user";
import { search } from "@/lib/search/search";
import { publishVersion } from "@/lib/versions/publish-version";
import { getVersion } from "@/lib/versions/get-version";
import { renderExport, EXPORT_FORMATS } from "@/lib/exports";
import { makeUser } from "./factories";
import { expectRefused, makeClaim, makeClaimArticle, makeVerification } from "./claim-factories";
import { review, submitted } from "./review-factories";

const CONTEXT = { baseUrl: "https://desk.example.org", organization: { name: "Desk", url: "https://desk.example.org" } };
const ALL_ON = { mention: true, reply: true, review: true, assignment: true, due: true, reverification: true, published: true };

/** The "mention" notifications of `user`, as actor and target. */
async function mentionsOf(user: Actor) {
  const rows = await db.notification.findMany({ where: { recipientId: user.id, kind: "mention" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ actorId: row.actorId, targetId: row.targetId }));
}

const rationale = (text: string) => ({ rationale: text });

describe("mentions in a rationale", () => {
  it("tell nobody while a draft, the person named once on submission, and never the author", async () => {
    const [alice, bob, carol] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob"), makeUser("reviewer", "Carol")]);
    const claim = await makeClaim(alice);
    const draft = await makeVerification(alice, claim.id, rationale(`Asked ${mentionToken(bob.id)}, ${mentionToken(carol.id)} and ${mentionToken(alice.id)}.`));
    expect(draft.mentions).toEqual([
      { id: bob.id, name: "Bob" },
      { id: carol.id, name: "Carol" },
      { id: alice.id, name: "Alice" },
    ]);
    expect(draft.rationaleText).toBe("Asked @Bob, @Carol and @Alice.");
    // A draft is its author's alone: nobody hears of it.
    expect(await mentionsOf(bob)).toEqual([]);
    expect(await mentionsOf(carol)).toEqual([]);

    // Carol is taken out before anyone could see the draft: she is never told.
    const edited = await updateAnnotation({
      actor: alice,
      annotationId: draft.id,
      input: { version: draft.version, ...rationale(`Asked ${mentionToken(bob.id)} to confirm the figure.`) },
    });
    expect(edited.status).toBe("draft");
    expect(await mentionsOf(bob)).toEqual([]);

    const sent = await submitAnnotation({ actor: alice, annotationId: draft.id });
    expect(await mentionsOf(bob)).toEqual([{ actorId: alice.id, targetId: draft.id }]);
    expect(await mentionsOf(carol)).toEqual([]);
    expect(await mentionsOf(alice)).toEqual([]);
    const [notice] = (await listNotifications({ actor: bob })).items;
    expect(notice).toMatchObject({ kind: "mention", actor: { id: alice.id }, target: { type: "annotation", id: draft.id, claimId: claim.id } });
    expect(notice!.summary).toContain("“Asked @Bob to confirm the figure.”");

    // Withdrawn and submitted again: Bob was told already.
    await withdrawAnnotation({ actor: alice, annotationId: sent.id });
    await submitAnnotation({ actor: alice, annotationId: sent.id });
    expect(await mentionsOf(bob)).toEqual([{ actorId: alice.id, targetId: draft.id }]);
  });

  it("added to an annotation in review tell only the people newly named, at once", async () => {
    const [alice, bob, dave, rita] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob"), makeUser("reviewer", "Dave"), makeUser()]);
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id, "verification", rationale(`See ${mentionToken(bob.id)}.`));
    await review(rita, annotation, "request_changes", "Which source?");
    const current = await getAnnotation({ actor: alice, annotationId: annotation.id });
    await updateAnnotation({
      actor: alice,
      annotationId: annotation.id,
      input: { version: current.version, ...rationale(`See ${mentionToken(bob.id)} and ${mentionToken(dave.id)}.`) },
    });
    expect(await mentionsOf(bob)).toEqual([{ actorId: alice.id, targetId: annotation.id }]);
    expect(await mentionsOf(dave)).toEqual([{ actorId: alice.id, targetId: annotation.id }]);
    expect(await mentionsOf(rita)).toEqual([]);
  });

  it("respect a person's choice not to hear of mentions, also when they change their mind later", async () => {
    const [alice, bob] = await Promise.all([makeUser(), makeUser()]);
    await updateNotificationSettings({ actor: bob, input: { kinds: { ...ALL_ON, mention: false }, email: "off" } });
    const claim = await makeClaim(alice);
    const annotation = await submitted(alice, claim.id, "verification", rationale(`Checked with ${mentionToken(bob.id)}.`));
    expect(await mentionsOf(bob)).toEqual([]);
    await updateNotificationSettings({ actor: bob, input: { kinds: ALL_ON, email: "off" } });
    await withdrawAnnotation({ actor: alice, annotationId: annotation.id });
    await submitAnnotation({ actor: alice, annotationId: annotation.id });
    expect(await mentionsOf(bob)).toEqual([]);
  });

  it("of someone unknown or disabled are refused, and nothing is written", async () => {
    const [alice, gone, admin] = await Promise.all([makeUser(), makeUser(), makeUser("admin")]);
    await disableUser({ actor: admin, userId: gone.id });
    const claim = await makeClaim(alice);
    const draft = await makeVerification(alice, claim.id);
    for (const text of [`Asked ${mentionToken(gone.id)}.`, `Asked ${mentionToken("nobody-at-all")}.`]) {
      const refusal = { code: "unprocessable", fields: { rationale: expect.any(String) } };
      await expectRefused(() => makeVerification(alice, claim.id, rationale(text)), refusal);
      await expectRefused(() => updateAnnotation({ actor: alice, annotationId: draft.id, input: { version: draft.version, ...rationale(text) } }), refusal);
    }
    expect(await db.annotationMention.count({ where: { userId: gone.id } })).toBe(0);
  });

  it("show the current name after a rename: claim panel, review queue, search; published exports carry names, never a reference", async () => {
    const [alice, bob, rita, editor] = await Promise.all([makeUser("reviewer", "Alice"), makeUser("reviewer", "Bob Before"), makeUser(), makeUser("editor")]);
    const articleId = await makeClaimArticle();
    const claim = await makeClaim(alice, "unemployment fell by 3% last year", articleId);
    const words = `Quokkafigure confirmed by ${mentionToken(bob.id)} at the statistics office.`;
    const annotation = await submitted(alice, claim.id, "verification", rationale(words));
    await db.user.update({ where: { id: bob.id }, data: { name: "Bob After" } });

    const inPanel = (await getClaim({ actor: rita, claimId: claim.id })).annotations.find((item) => item.id === annotation.id);
    expect(inPanel).toMatchObject({ rationaleText: "Quokkafigure confirmed by @Bob After at the statistics office.", mentions: [{ id: bob.id, name: "Bob After" }] });
    expect(JSON.stringify(inPanel?.kind === "verification" ? inPanel.rationale : null)).toContain('"label":"Bob After"');

    // The queue is oldest first and shared with every other test of the run: page to the end.
    let queued: Awaited<ReturnType<typeof listReviewQueue>>["items"][number] | undefined;
    for (let cursor: string | null | undefined; !queued; ) {
      const page = await listReviewQueue({ actor: rita, input: { limit: 100, ...(cursor ? { cursor } : {}) } });
      queued = page.items.find((item) => item.annotation.id === annotation.id);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(queued?.annotation).toMatchObject({ rationaleText: "Quokkafigure confirmed by @Bob After at the statistics office." });

    const found = await search({ actor: rita, input: { q: "quokkafigure", type: "verdict" } });
    const snippet = found.items.find((item) => item.id === annotation.id)?.snippet.map((part) => part.text).join("");
    expect(snippet).toContain("@Bob After");
    expect(snippet).not.toContain("<@");

    await review(rita, annotation, "approve");
    await submitted(alice, claim.id, "source").then((source) => review(rita, source, "approve"));
    const published = await publishVersion({ actor: editor, articleId, input: {} });
    const version = await getVersion({ articleId, number: published.number });
    for (const format of EXPORT_FORMATS) {
      const { body } = renderExport(version.snapshot, format, CONTEXT);
      expect(body, format).toContain("Bob After");
      expect(body, format).not.toContain(mentionToken(bob.id));
      expect(body, format).not.toContain(bob.id);
    }
  });
});
