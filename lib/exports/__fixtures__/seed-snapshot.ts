/**
 * A fixed published version of the seed article, for the export tests and their golden files:
 * the seed's own text and document (prisma/seed-article.txt through `documentFromText` with
 * the seed's headings), and a fixed set of claims that exercises every case an export meets:
 * verified claims (one of them "unverifiable", which has no numeric rating), a disputed one,
 * unverified ones, nested, crossing and block-spanning claims, annotations that must be left
 * out (drafts, rejected, a claim on another revision, an orphan), and hostile text and links.
 */
import { documentFromText } from "@/lib/articles/document";
import { describeRange } from "@/lib/anchoring";
import { readSeedArticle, SEED_HEADINGS } from "@/prisma/seed-article";
import type { ClaimStatus, Verdict } from "@/lib/claims/present";
import { rationaleFromText } from "@/lib/annotations/rationale";
import { buildSnapshot, type SnapshotAnnotationInput, type SnapshotClaimInput, type VersionSnapshot } from "@/lib/versions/snapshot";
import type { ExportContext } from "@/lib/exports/context";

/** The seed article as the seed stores it: title, canonical text and document. */
export function seedArticle() {
  const { title, text } = readSeedArticle();
  return { title, ...documentFromText(text, { headings: SEED_HEADINGS }) };
}

export const FIXTURE_CONTEXT: ExportContext = {
  baseUrl: "https://desk.example.org",
  organization: { name: "Factdesk Example Desk", url: "https://desk.example.org" },
};

const REVISION_ID = "rev-seed-1";
const ALICE = { id: "user-alice", name: "Alice Martin" };
const BOB = { id: "user-bob", name: "Bob Keller" };

export const CLAIM_TEXTS = {
  kremlin: "The Kremlin called a direct conflict with NATO “inevitable” if the allied countries deploy troops in Ukraine.",
  nato: "NATO has no plans to send combat troops to Ukraine to fight the war against Russia",
  natoInner: "combat troops",
  crossing: "against Russia, allied sources told EFE",
  biden: "President (Joe) Biden has made it very clear that the United States will not send troops to fight in Ukraine",
  macron: "Macron did not even exclude sending troops",
  defeat: "The defeat of Russia is essential for the security and stability of Europe",
  spanning: "Russia warns\n\nThe Kremlin called",
  scholz: "the possibility of sending European or NATO soldiers is not on the table",
} as const;

let counter = 0;
function at(minutes: number): string {
  return new Date(Date.UTC(2024, 1, 27, 9, 0, 0) + minutes * 60_000).toISOString();
}

function source(id: string, extra: Partial<SnapshotAnnotationInput> = {}): SnapshotAnnotationInput {
  counter += 1;
  return {
    id,
    kind: "source",
    status: "approved",
    version: 1,
    author: ALICE,
    createdAt: at(counter),
    url: "https://www.reuters.com/world/europe/kremlin-nato-troops-ukraine-2024-02-27/",
    title: "Kremlin says conflict with NATO inevitable if troops sent",
    publisher: "Reuters",
    excerpt: null,
    stance: "supports",
    ...extra,
  };
}

function verification(id: string, verdict: Verdict, rationale: string, extra: Partial<SnapshotAnnotationInput> = {}): SnapshotAnnotationInput {
  counter += 1;
  const stored = rationale === "" ? { doc: null, text: null } : rationaleFromText(rationale);
  return {
    id,
    kind: "verification",
    status: "approved",
    version: 1,
    author: BOB,
    createdAt: at(counter),
    verdict,
    rationale: stored.doc,
    rationaleText: stored.text,
    ...extra,
  };
}

/** The fixed claims, as `buildSnapshot` reads them (stored statuses included; it derives its own). */
export function fixtureClaims(text: string): SnapshotClaimInput[] {
  counter = 0;
  const claim = (
    id: string,
    exact: string,
    annotations: SnapshotAnnotationInput[],
    extra: { claimant?: string | null; status?: ClaimStatus; revisionId?: string; occurrence?: number } = {},
  ): SnapshotClaimInput => {
    let start = text.indexOf(exact);
    for (let skip = extra.occurrence ?? 0; skip > 0; skip -= 1) start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`Not in the seed article: ${exact}`);
    const { quote, position } = describeRange(text, start, start + exact.length);
    return {
      id,
      revisionId: extra.revisionId ?? REVISION_ID,
      status: extra.status ?? "unchecked",
      ...quote,
      ...position,
      claimant: extra.claimant ?? null,
      createdAt: at(0),
      annotations,
    };
  };
  const linkRationale = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "He said so at the " },
          { type: "text", text: "press conference", marks: [{ type: "link", attrs: { href: "https://www.elysee.fr/en/" } }] },
          { type: "text", text: " (" },
          { type: "text", text: "not this", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          { type: "text", text: "); " },
          { type: "text", text: "quoted in full", marks: [{ type: "bold" }] },
          { type: "text", text: " by <script>alert(1)</script> *everyone* [x](javascript:alert(2))." },
        ],
      },
    ],
  };
  return [
    claim("c-kremlin", CLAIM_TEXTS.kremlin, [
      source("src-kremlin-reuters"),
      verification("ver-kremlin", "true", "Peskov said so at his daily briefing.\n\nTranscript: kremlin.ru, 27 February 2024."),
      // Never published: a draft, a rejected verdict, and a source still in review.
      verification("ver-kremlin-draft", "false", "Draft only.", { status: "draft", author: ALICE }),
      verification("ver-kremlin-rejected", "misleading", "Rejected.", { status: "rejected", author: ALICE }),
      source("src-kremlin-submitted", { status: "submitted", url: "https://example.org/unreviewed" }),
    ], { claimant: "Dmitri Peskov", status: "verified" }),
    claim("c-nato", CLAIM_TEXTS.nato, [
      source("src-nato-efe", { url: "https://www.efe.com/", title: "NATO has no plans to send troops", publisher: "EFE", stance: "supports", excerpt: "there are no plans for NATO combat troops on the ground in Ukraine", archive: { id: "archive-nato-efe", archivedAt: "2024-02-27T18:42:00.000Z", sha256: "5f1d3c0a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060f5e", url: "https://desk.example.org/api/archives/archive-nato-efe" } }),
      source("src-nato-context", { url: "https://www.nato.int/cps/en/natohq/topics_52060.htm", title: "NATO’s support for Ukraine", publisher: "NATO", stance: "context" }),
      verification("ver-nato", "mostly_true", "Allied sources said so; NATO as an organisation has no such plans, though members might act alone."),
    ], { claimant: "Allied sources", status: "verified" }),
    claim("c-nato-inner", CLAIM_TEXTS.natoInner, []),
    claim("c-crossing", CLAIM_TEXTS.crossing, [source("src-crossing", { url: "https://www.efe.com/efe/english/", title: "EFE English", publisher: "EFE", stance: "context" })]),
    claim("c-biden", CLAIM_TEXTS.biden, [
      source("src-biden", { url: "https://www.whitehouse.gov/briefing-room/", title: "Briefing room", publisher: "The White House", stance: "supports" }),
      verification("ver-biden-true", "true", "Watson's statement to EFE says exactly this."),
      verification("ver-biden-misleading", "misleading", "Biden said US troops would not fight; the quote broadens it.", { author: ALICE }),
    ], { claimant: "Adrienne Watson", status: "disputed" }),
    claim("c-macron", CLAIM_TEXTS.macron, [
      source("src-macron-bad-link", { url: "javascript:alert(1)", title: "A <b>hostile</b> \"source\" & more", publisher: "[Not](javascript:x) *real*", stance: "refutes", excerpt: "<img src=x onerror=alert(1)>" }),
      source("src-macron-elysee", { url: "https://www.elysee.fr/en/emmanuel-macron/2024/02/26/press-conference", title: "Press conference", publisher: "Élysée", stance: "refutes" }),
      verification("ver-macron", "false", "", { rationale: linkRationale, rationaleText: "He said so at the press conference (not this); quoted in full by <script>alert(1)</script> *everyone* [x](javascript:alert(2))." }),
    ], { claimant: "Emmanuel <b>Macron</b> & co", status: "verified" }),
    claim("c-defeat", CLAIM_TEXTS.defeat, [
      source("src-defeat", { url: "https://www.elysee.fr/en/", title: "Élysée", publisher: "Présidence de la République", stance: "context" }),
      verification("ver-defeat", "unverifiable", "A judgement about the future, not a checkable fact."),
    ], { claimant: "Emmanuel Macron", status: "verified" }),
    claim("c-spanning", CLAIM_TEXTS.spanning, []),
    // Text changed under an approved check: published as not yet verified, without its verdict.
    claim("c-scholz", CLAIM_TEXTS.scholz, [
      source("src-scholz", { url: "https://www.bundesregierung.de/", title: "Bundesregierung", publisher: "German government", stance: "supports" }),
      verification("ver-scholz", "true", "Scholz said so."),
    ], { claimant: "Olaf Scholz", status: "needs_reverification" }),
    // Left out: an orphan, and a claim anchored on another revision.
    claim("c-orphan", CLAIM_TEXTS.natoInner, [], { status: "orphaned" }),
    claim("c-old-revision", CLAIM_TEXTS.kremlin, [], { revisionId: "rev-seed-0" }),
  ];
}

/** Version `number` of the seed article with the fixed claims (version 1 by default). */
export function seedSnapshot(options: { number?: number; note?: string | null; claims?: SnapshotClaimInput[] } = {}): VersionSnapshot {
  const article = seedArticle();
  return buildSnapshot({
    articleId: "article-seed",
    number: options.number ?? 1,
    publishedAt: "2024-02-28T10:15:00.000Z",
    publishedBy: { id: "user-erin", name: "Erin Novak" },
    note: options.note === undefined ? "First verified version." : options.note,
    article: {
      title: article.title,
      outlet: "EFE",
      author: "Agencia EFE",
      url: "https://www.efe.com/en/world/2024-02-27/nato-allies-reject-troops-ukraine",
      publishedAt: "2024-02-27T12:00:00.000Z",
    },
    revision: { id: REVISION_ID, number: 1, text: article.text, doc: article.doc },
    claims: options.claims ?? fixtureClaims(article.text),
  });
}
