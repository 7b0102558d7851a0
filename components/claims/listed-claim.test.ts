import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import type { ArticleDTO } from "@/lib/articles/present";
import type { AnnotationSummaryDTO, ClaimSummaryDTO } from "@/lib/claims/present";
import { documentText } from "@/lib/exports/annotated-document";
import { packWorkspaceArticle, unpackWorkspaceArticle, workspaceArticle } from "@/components/claims/listed-claim";

const DOC: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Harbour figures" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Cargo rose by " },
        { type: "text", text: "12%", marks: [{ type: "bold" }] },
        { type: "text", text: " in a year, the port said." },
        { type: "hardBreak" },
        { type: "text", text: "Unions dispute it: “the real figure is lower”." },
      ],
    },
  ],
};
const TEXT = documentText(DOC);
const ALICE = { id: "user-alice", name: "Alice Martin" };
const BOB = { id: "user-bob", name: "Bob Keller" };

function annotation(kind: AnnotationSummaryDTO["kind"], claimId: string, index: number): AnnotationSummaryDTO {
  const base = { id: `${claimId}-a${index}`, claimId, status: "approved" as const, version: 1, author: BOB, updatedAt: "2026-12-07T10:00:00.000Z" };
  return kind === "source"
    ? { ...base, kind, url: "https://port.example.org/report", title: "Report", publisher: null, stance: "supports", archive: null }
    : { ...base, kind, verdict: "mostly_true" };
}

function claim(id: string, exact: string, overrides: Partial<ClaimSummaryDTO> = {}): ClaimSummaryDTO {
  const start = TEXT.indexOf(exact);
  return {
    id,
    articleId: "article-1",
    revisionId: "revision-2",
    status: "unchecked",
    exact,
    prefix: "",
    suffix: "",
    start,
    end: start + exact.length,
    claimant: null,
    createdBy: ALICE,
    createdAt: "2026-12-07T09:00:00.000Z",
    annotations: [],
    can: { delete: true, annotate: true },
    ...overrides,
  };
}

function article(claims: ClaimSummaryDTO[], orphanedClaims: ClaimSummaryDTO[] = []): ArticleDTO {
  return {
    id: "article-1",
    title: "Harbour figures",
    outlet: "The Port Times",
    author: null,
    url: null,
    publishedAt: null,
    createdAt: "2026-12-01T08:00:00.000Z",
    revision: { id: "revision-2", number: 2, text: TEXT, doc: DOC, createdAt: "2026-12-02T08:00:00.000Z" },
    claims,
    orphanedClaims,
    progress: { verified: 1, total: claims.length },
    agreement: { alpha: null, claims: 0, reviewers: 0 },
    liveEventId: 41,
  };
}

describe("the article page's packed claims", () => {
  it("unpack to exactly what the workspace would list from the API's answer", () => {
    const answer = article(
      [
        claim("c1", "Cargo rose by 12%", {
          status: "verified",
          claimant: "The port",
          annotations: [annotation("source", "c1", 1), annotation("verification", "c1", 2), annotation("source", "c1", 3)],
        }),
        // Nested in the first, by another person, with the same claimant.
        claim("c2", "12%", { createdBy: BOB, claimant: "The port", status: "in_review" }),
        // Across the hard break, with a claimant of its own.
        claim("c3", "said.\nUnions", { claimant: "Unions", status: "disputed" }),
        // Its quote is not the text at its offsets (stored as marked): it travels with it.
        { ...claim("c4", "the real figure is lower"), exact: "the real figure was lower" },
        // On an older revision.
        { ...claim("c5", "in a year"), revisionId: "revision-1" },
      ],
      [claim("c6", "gone", { status: "orphaned", start: 0, end: 0 })],
    );
    const packed = packWorkspaceArticle(answer);
    expect(unpackWorkspaceArticle(packed)).toEqual(workspaceArticle(answer));
    // Two people and two claimants, each once; only the quote that differs from the text is carried.
    expect(packed.people).toEqual([ALICE, BOB]);
    expect(packed.claimants).toEqual(["The port", "Unions"]);
    expect(packed.claims.map((row) => row[8])).toEqual([null, null, null, "the real figure was lower", "in a year"]);
    expect(packed.claims.map((row) => row[9])).toEqual([null, null, null, null, "revision-1"]);
  });

  it("survive the page's serialisation and weigh a fraction of the listed claims", () => {
    const claims = Array.from({ length: 200 }, (_, index) =>
      claim(`claim-${index.toString().padStart(4, "0")}`, index % 2 ? "Cargo rose by 12%" : "the real figure is lower", {
        claimant: index % 3 ? "The port" : null,
        createdBy: index % 5 ? ALICE : BOB,
        annotations: [annotation("verification", `claim-${index}`, 1)],
      }),
    );
    const answer = article(claims);
    const packed = packWorkspaceArticle(answer);
    const roundTripped = JSON.parse(JSON.stringify(packed)) as typeof packed;
    expect(unpackWorkspaceArticle(roundTripped)).toEqual(workspaceArticle(answer));
    const listed = JSON.stringify(workspaceArticle(answer).claims).length;
    expect(JSON.stringify(packed.claims).length).toBeLessThan(listed / 3);
  });

  it("refuse a row that refers to a person the tables do not hold", () => {
    const packed = packWorkspaceArticle(article([claim("c1", "Cargo rose by 12%")]));
    packed.claims[0]![4] = 3;
    expect(() => unpackWorkspaceArticle(packed)).toThrow(RangeError);
  });
});
