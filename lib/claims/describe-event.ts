/**
 * Audit events of a claim → sentences for people (a claim's history, D7). Pure code.
 *
 * A sentence names who acted, what kind of annotation and which version, and a review's
 * decision; never an annotation's content, a comment or a reply: a history entry must not
 * carry what its reader may not see (a draft's text) and is not the place to read a thread.
 */
import type { ClaimStatus } from "@/lib/claims/present";
import { CLAIM_STATUSES } from "@/lib/claims/present";
import { CLAIM_STATUS_INFO } from "@/lib/claims/status-labels";

/** What a sentence is built from. */
export interface DescribedEvent {
  action: string;
  /** The actor's name; null for the system (the seed, the command line) or a removed account. */
  actorName: string | null;
  before: unknown;
  after: unknown;
}

const KIND_NOUN: Record<string, string> = { source: "a source", verification: "a verdict" };

const DECISION_VERB: Record<string, string> = {
  approve: "approved",
  request_changes: "requested changes to",
  reject: "rejected",
};

/** A field of an audit snapshot (before or after), when it is an object holding it. */
export function snapshotField(snapshot: unknown, field: string): unknown {
  return typeof snapshot === "object" && snapshot !== null && !Array.isArray(snapshot)
    ? (snapshot as Record<string, unknown>)[field]
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The sentence for one event, e.g. "Alice Martin submitted a verdict (version 2) for review." */
export function describeEvent(event: DescribedEvent): string {
  const who = event.actorName ?? "Factdesk";
  const kind = text(snapshotField(event.after, "kind")) ?? text(snapshotField(event.before, "kind"));
  const noun = (kind && KIND_NOUN[kind]) ?? "an annotation";
  const versionValue = snapshotField(event.after, "version") ?? snapshotField(event.before, "version");
  const version = typeof versionValue === "number" ? ` (version ${versionValue})` : "";
  let sentence: string;
  switch (event.action) {
    case "claim.created":
      sentence = `${who} marked the claim`;
      break;
    case "claim.deleted":
      sentence = `${who} removed the claim`;
      break;
    case "annotation.created":
      sentence = `${who} added ${noun}${version}`;
      break;
    case "annotation.updated":
      sentence = `${who} edited ${noun}, now version ${String(versionValue)}`;
      break;
    case "annotation.submitted":
      sentence = `${who} submitted ${noun}${version} for review`;
      break;
    case "annotation.withdrawn":
      sentence = `${who} withdrew ${noun}${version} from review`;
      break;
    case "annotation.deleted":
      sentence = `${who} deleted ${noun}`;
      break;
    case "annotation.reviewed": {
      const decision = text(snapshotField(event.after, "decision"));
      sentence = `${who} ${(decision && DECISION_VERB[decision]) ?? "reviewed"} ${noun}${version}`;
      break;
    }
    case "annotation.replied":
      sentence = `${who} replied on ${noun}`;
      break;
    case "annotation.reopened":
      sentence = `The text under the claim changed: ${noun}${version} needs review again`;
      break;
    case "claim.reanchored": {
      const revision = revisionOf(event.after);
      sentence =
        text(snapshotField(event.after, "match")) === "fuzzy"
          ? `${who} saved ${revision}, which changed the words of the claim; it now reads “${clip(text(snapshotField(event.after, "exact")))}”`
          : `${who} saved ${revision}; the claim moved with its text`;
      break;
    }
    case "claim.orphaned":
      sentence = `${who} saved ${revisionOf(event.after)}, where the claim’s text could not be found`;
      break;
    case "claim.reattached":
      sentence = `${who} re-attached the claim to “${clip(text(snapshotField(event.after, "exact")))}” in ${revisionOf(event.after)}`;
      break;
    case "claim.linked":
      sentence = `${who} linked it as the same claim as “${clip(text(snapshotField(event.after, "otherExact")))}”`;
      break;
    case "claim.unlinked":
      sentence = `${who} unlinked it from “${clip(text(snapshotField(event.before, "otherExact")))}”`;
      break;
    default:
      // Events added later (re-anchoring, publishing) read acceptably until they get a sentence.
      sentence = `${who}: ${event.action.replaceAll(".", " ").replaceAll("_", " ")}`;
  }
  const status = claimStatusAfter(event.after);
  return status ? `${sentence}. Claim status: ${CLAIM_STATUS_INFO[status].label}.` : `${sentence}.`;
}

function revisionOf(snapshot: unknown): string {
  const revision = snapshotField(snapshot, "revision");
  return typeof revision === "number" ? `revision ${revision}` : "a new revision";
}

/** A quote short enough for a sentence. */
function clip(quote: string | undefined): string {
  if (!quote) return "";
  return quote.length > 80 ? `${quote.slice(0, 79)}…` : quote;
}

/** The claim's new status when the event changed it (lib/annotations/finish-change.ts records it). */
function claimStatusAfter(after: unknown): ClaimStatus | null {
  const status = snapshotField(snapshotField(after, "claimStatus"), "after");
  return (CLAIM_STATUSES as readonly unknown[]).includes(status) ? (status as ClaimStatus) : null;
}
