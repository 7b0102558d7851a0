/**
 * The approved annotations of a version as a W3C Web Annotation `AnnotationCollection`
 * (https://www.w3.org/TR/annotation-model/), JSON-LD with the `http://www.w3.org/ns/anno.jsonld`
 * context. One page holds every annotation, in document order of their claims.
 *
 * - A verification is motivated by `assessing` (the model's term for "assess the target
 *   resource in some way"): a TextualBody with the rationale (purpose `assessing`) and one with
 *   the verdict's label (purpose `classifying`).
 * - A source is motivated by `linking` ("link to a resource related to the target"): the
 *   source's page as an External Web Resource body, with a TextualBody for its stance and
 *   excerpt (purpose `describing`). When the version cites an archived copy of the page, that
 *   body is a SpecificResource of the page with a `TimeState`: the copy's URL as `cached` and
 *   when it was taken as `sourceDate`.
 * - Every target's `source` is the version's text as `text/plain`
 *   (`/api/articles/:id/versions/:n/text`): exactly the published canonical text, the text both
 *   selectors of the claim describe (D2), so a client that fetches the source anchors every
 *   annotation by quote and by position. The version's public page, whose text also carries
 *   headings, verdict labels and note numbers, is the target's `scope` (§4.2.7: the resource
 *   that gives the text its context), followed by the article's original address when known.
 *   TextPositionSelector counts Unicode code points, as the model requires (§4.2.4), converted
 *   here from the stored UTF-16 offsets.
 * - Timestamps are UTC with `Z`, as stored.
 *
 * Pure: a function of the snapshot and the context (D5).
 */
import type { SnapshotClaim, SnapshotSource, SnapshotVerification, VersionSnapshot } from "@/lib/versions/snapshot";
import { STANCE_LABELS, VERDICT_SCALE } from "@/lib/verdicts";
import { snapshotTextUrl, snapshotUrl, type ExportContext } from "@/lib/exports/context";
import { safeHref } from "@/lib/exports/escape";
import { codePointOffsets } from "@/lib/exports/code-points";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The id of an annotation: the version page's anchor of its note, so it resolves to a place a person can read. */
export function annotationIri(snapshot: VersionSnapshot, annotationId: string, context: ExportContext): string {
  return `${snapshotUrl(snapshot, context)}#annotation-${annotationId}`;
}

let converted: { text: string; toCodePoints: (offset: number) => number } | null = null;

/** The code point converter of a version's text, kept for the many claims of one export. */
function toCodePoints(text: string): (offset: number) => number {
  if (converted?.text !== text) converted = { text, toCodePoints: codePointOffsets(text) };
  return converted.toCodePoints;
}

function target(claim: SnapshotClaim, snapshot: VersionSnapshot, context: ExportContext): JsonObject {
  const position = toCodePoints(snapshot.revision.text);
  const page = snapshotUrl(snapshot, context);
  const original = safeHref(snapshot.article.url);
  return {
    source: snapshotTextUrl(snapshot, context),
    scope: original && original !== page ? [page, original] : page,
    selector: [
      { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      { type: "TextPositionSelector", start: position(claim.start), end: position(claim.end) },
    ],
  };
}

function creator(person: { name: string }): JsonObject {
  return { type: "Person", name: person.name };
}

function common(
  snapshot: VersionSnapshot,
  context: ExportContext,
  annotation: SnapshotVerification | SnapshotSource,
): JsonObject {
  return {
    "@context": ANNO_CONTEXT,
    id: annotationIri(snapshot, annotation.id, context),
    type: "Annotation",
    creator: creator(annotation.author),
    created: annotation.createdAt,
    generator: { id: context.organization.url, type: "Software", name: "Factdesk" },
    generated: snapshot.publishedAt,
  };
}

function verificationAnnotation(
  claim: SnapshotClaim,
  verification: SnapshotVerification,
  snapshot: VersionSnapshot,
  context: ExportContext,
): JsonObject {
  return {
    ...common(snapshot, context, verification),
    motivation: "assessing",
    body: [
      { type: "TextualBody", purpose: "classifying", value: VERDICT_SCALE[verification.verdict].label, format: "text/plain", language: "en" },
      { type: "TextualBody", purpose: "assessing", value: verification.rationaleText, format: "text/plain" },
    ],
    target: target(claim, snapshot, context),
  };
}

function sourceAnnotation(claim: SnapshotClaim, source: SnapshotSource, snapshot: VersionSnapshot, context: ExportContext): JsonObject {
  const description = [`${STANCE_LABELS[source.stance]} the claim.`];
  if (source.excerpt) description.push(`“${source.excerpt}”`);
  const bodies: Json[] = [];
  const href = safeHref(source.url);
  if (href) {
    const resource: JsonObject = { id: href, type: "Text", format: "text/html", label: source.title };
    // The copy the desk took of the page, as the model's TimeState (§4.2.5, States): a state
    // belongs to a SpecificResource whose source is the page; `cached` is where the cited
    // state is kept, `sourceDate` when it was taken.
    const cached = source.archive ? safeHref(source.archive.url) : null;
    bodies.push(
      source.archive && cached
        ? { type: "SpecificResource", source: resource, state: { type: "TimeState", cached, sourceDate: source.archive.archivedAt } }
        : resource,
    );
  }
  bodies.push({
    type: "TextualBody",
    purpose: "describing",
    value: [source.title, source.publisher, ...description].filter(Boolean).join(" — "),
    format: "text/plain",
  });
  return {
    ...common(snapshot, context, source),
    motivation: href ? "linking" : "commenting",
    body: bodies,
    target: target(claim, snapshot, context),
  };
}

/** Every approved annotation of the version, as W3C annotations, in document order. */
export function w3cAnnotations(snapshot: VersionSnapshot, context: ExportContext): JsonObject[] {
  const items: JsonObject[] = [];
  for (const claim of snapshot.claims) {
    for (const verification of claim.verifications) items.push(verificationAnnotation(claim, verification, snapshot, context));
    for (const source of claim.sources) items.push(sourceAnnotation(claim, source, snapshot, context));
  }
  return items;
}

/** The `w3c` export: an AnnotationCollection with one embedded page, pretty-printed, ending in a newline. */
export function exportW3c(snapshot: VersionSnapshot, context: ExportContext): string {
  const url = snapshotUrl(snapshot, context);
  const items = w3cAnnotations(snapshot, context);
  const collection = {
    "@context": ANNO_CONTEXT,
    id: `${url}#annotations`,
    type: "AnnotationCollection",
    label: `${snapshot.article.title} — verified version ${snapshot.number}`,
    creator: { type: "Organization", name: context.organization.name },
    created: snapshot.publishedAt,
    total: items.length,
    first: {
      id: `${url}#annotations-page-1`,
      type: "AnnotationPage",
      partOf: `${url}#annotations`,
      startIndex: 0,
      items,
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
