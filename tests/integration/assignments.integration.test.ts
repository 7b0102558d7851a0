import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assignArticle, assignClaim } from "@/lib/assignments/assign";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { getClaim } from "@/lib/claims/get-claim";
import { disableUser } from "@/lib/users/disable-user";
import { listMembers } from "@/lib/users/list-members";
import type { LiveChange } from "@/lib/live/publish";
import { stopListening, subscribe, whenListening } from "@/lib/live/subscribe";
import { makeUser } from "./factories";
import { makeClaim, makeClaimArticle } from "./claim-factories";

afterAll(async () => {
  await stopListening();
});

const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** The claim's assignment columns and its assignment audit events: what a refusal must leave alone. */
async function claimState(claimId: string) {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { assigneeId: true, dueAt: true, assignedAt: true } });
  const events = await db.auditEvent.count({ where: { targetId: claimId, action: "claim.assigned" } });
  return { ...claim, events };
}

async function articleState(articleId: string) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { assigneeId: true, dueAt: true, assignedAt: true } });
  const events = await db.auditEvent.count({ where: { targetId: articleId, action: "article.assigned" } });
  return { ...article, events };
}

describe("assigning a claim", () => {
  it("an editor assigns anyone enabled with a due date; it is audited and the claim shows it", async () => {
    const [editor, alice, marker] = await Promise.all([makeUser("editor"), makeUser("reviewer", "Alice"), makeUser()]);
    const claim = await makeClaim(marker);
    const dueAt = inHours(5);
    const { assignment } = await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id, dueAt } });
    expect(assignment).toMatchObject({ assignee: { id: alice.id, name: "Alice" }, dueAt: new Date(dueAt).toISOString(), overdue: false });

    const seen = await getClaim({ actor: alice, claimId: claim.id });
    expect(seen.assignment?.assignee.id).toBe(alice.id);
    expect(seen.can).toMatchObject({ assign: false, take: false, release: true });
    expect((await getClaim({ actor: marker, claimId: claim.id })).can).toMatchObject({ assign: false, take: false, release: false });

    const [event] = await db.auditEvent.findMany({ where: { targetId: claim.id, action: "claim.assigned" } });
    expect(event).toMatchObject({ actorId: editor.id, before: { assigneeId: null, dueAt: null }, after: { assigneeId: alice.id, dueAt: new Date(dueAt).toISOString() } });
  });

  it("a reviewer takes an unassigned claim and hands it back, but never assigns someone else or takes a colleague's", async () => {
    const [alice, bob, editor] = await Promise.all([makeUser(), makeUser(), makeUser("editor")]);
    const claim = await makeClaim(alice);

    const before = await claimState(claim.id);
    await expect(assignClaim({ actor: alice, id: claim.id, input: { assigneeId: bob.id } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await claimState(claim.id)).toEqual(before);

    expect((await getClaim({ actor: bob, claimId: claim.id })).can.take).toBe(true);
    await assignClaim({ actor: bob, id: claim.id, input: { assigneeId: bob.id, dueAt: inHours(2) } });
    expect((await getClaim({ actor: alice, claimId: claim.id })).can.take).toBe(false);

    const taken = await claimState(claim.id);
    await expect(assignClaim({ actor: alice, id: claim.id, input: { assigneeId: alice.id } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignClaim({ actor: alice, id: claim.id, input: { assigneeId: null } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await claimState(claim.id)).toEqual(taken);

    await assignClaim({ actor: bob, id: claim.id, input: { assigneeId: null } });
    expect(await claimState(claim.id)).toMatchObject({ assigneeId: null, dueAt: null, assignedAt: null, events: 2 });

    // An editor reassigns whatever someone holds.
    await assignClaim({ actor: bob, id: claim.id, input: { assigneeId: bob.id } });
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id } });
    expect((await claimState(claim.id)).assigneeId).toBe(alice.id);
  });

  it("a disabled account cannot be assigned, and bad input changes nothing", async () => {
    const [editor, gone, marker] = await Promise.all([makeUser("editor"), makeUser(), makeUser()]);
    const admin = await makeUser("admin");
    await disableUser({ actor: admin, userId: gone.id });
    const claim = await makeClaim(marker);
    const before = await claimState(claim.id);
    await expect(assignClaim({ actor: editor, id: claim.id, input: { assigneeId: gone.id } })).rejects.toMatchObject({
      code: "unprocessable",
      fields: { assigneeId: expect.stringMatching(/disabled/) },
    });
    await expect(assignClaim({ actor: editor, id: claim.id, input: { assigneeId: "no-such-user" } })).rejects.toMatchObject({ code: "unprocessable" });
    await expect(assignClaim({ actor: editor, id: claim.id, input: { assigneeId: marker.id, dueAt: "tomorrow" } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { dueAt: expect.any(String) },
    });
    await expect(assignClaim({ actor: editor, id: claim.id, input: { assigneeId: null, dueAt: inHours(1) } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(assignClaim({ actor: editor, id: claim.id, input: { assigneeId: marker.id, status: "verified" } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(assignClaim({ actor: editor, id: "no-such-claim", input: { assigneeId: marker.id } })).rejects.toMatchObject({ code: "not_found" });
    await expect(assignClaim({ actor: null, id: claim.id, input: { assigneeId: marker.id } })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await claimState(claim.id)).toEqual(before);
    expect((await listMembers({ actor: editor })).items.map((member) => member.id)).not.toContain(gone.id);
  });

  it("is announced live on the article's channel", async () => {
    const [editor, alice] = await Promise.all([makeUser("editor"), makeUser()]);
    const claim = await makeClaim(alice);
    const heard: LiveChange[] = [];
    const unsubscribe = subscribe(claim.articleId, (change) => heard.push(change));
    await whenListening();
    await assignClaim({ actor: editor, id: claim.id, input: { assigneeId: alice.id } });
    const deadline = Date.now() + 5_000;
    while (heard.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    unsubscribe();
    expect(heard).toEqual([expect.objectContaining({ articleId: claim.articleId, type: "claim.assigned", id: claim.id, claimId: claim.id })]);
  });
});

describe("assigning an article", () => {
  it("is for editors only", async () => {
    const [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser()]);
    const articleId = await makeClaimArticle();
    const before = await articleState(articleId);
    await expect(assignArticle({ actor: reviewer, id: articleId, input: { assigneeId: reviewer.id } })).rejects.toMatchObject({ code: "forbidden" });
    expect(await articleState(articleId)).toEqual(before);
    const { assignment } = await assignArticle({ actor: editor, id: articleId, input: { assigneeId: reviewer.id, dueAt: inHours(48) } });
    expect(assignment?.assignee.id).toBe(reviewer.id);
    expect(await articleState(articleId)).toMatchObject({ assigneeId: reviewer.id, events: 1 });
  });
});

describe("my work", () => {
  it("lists what is assigned to me, overdue first, then by due date, undated last, a page at a time", async () => {
    const [editor, alice, other] = await Promise.all([makeUser("editor"), makeUser(), makeUser()]);
    const articleId = await makeClaimArticle();
    const later = await makeClaim(other, "unemployment fell by 3% last year", articleId);
    const overdue = await makeClaim(other, "Critics say", articleId);
    const undated = await makeClaim(other, "part-time work", articleId);
    const notMine = await makeClaim(other, "the figure", articleId);
    await assignClaim({ actor: editor, id: later.id, input: { assigneeId: alice.id, dueAt: inHours(30) } });
    await assignClaim({ actor: editor, id: overdue.id, input: { assigneeId: alice.id, dueAt: inHours(-3) } });
    await assignClaim({ actor: editor, id: undated.id, input: { assigneeId: alice.id } });
    await assignClaim({ actor: editor, id: notMine.id, input: { assigneeId: other.id, dueAt: inHours(-10) } });
    await assignArticle({ actor: editor, id: articleId, input: { assigneeId: alice.id, dueAt: inHours(1) } });

    const { items, nextCursor } = await listAssignments({ actor: alice, input: { assignee: "me" } });
    expect(nextCursor).toBeNull();
    expect(items.map((item) => [item.type, item.id, item.assignment.overdue])).toEqual([
      ["claim", overdue.id, true],
      ["article", articleId, false],
      ["claim", later.id, false],
      ["claim", undated.id, false],
    ]);
    expect(items[0]).toMatchObject({ articleId, articleTitle: "Claims test article", quote: "Critics say", status: "unchecked" });

    // Paging walks the same order, across the dated and undated parts.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAssignments>> = await listAssignments({ actor: alice, input: { limit: 1, ...(cursor ? { cursor } : {}) } });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item) => item.id));

    // Someone else's work: editors only.
    await expect(listAssignments({ actor: alice, input: { assignee: other.id } })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listAssignments({ actor: editor, input: { assignee: other.id } })).items.map((item) => item.id)).toEqual([notMine.id]);
    await expect(listAssignments({ actor: alice, input: { cursor: "nonsense" } })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
