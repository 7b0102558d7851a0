/**
 * What the database must look like after the app was killed during annotation writes:
 * every acknowledged write present exactly once, and no annotation without its
 * `annotation.created` audit event or the reverse (D7: both are written in one transaction).
 */

export interface CrashEvidence {
  /** Titles the client sent (each request had its own). */
  sent: readonly string[];
  /** Titles whose request got a 2xx response. */
  acknowledged: readonly string[];
  /** Annotation rows found after the restart. */
  annotations: ReadonlyArray<{ id: string; title: string | null }>;
  /** `annotation.created` audit events found after the restart. */
  createdEvents: ReadonlyArray<{ id: string; targetId: string }>;
}

export interface CrashFindings {
  /** Acknowledged titles with no annotation row. */
  lostAcknowledged: string[];
  /** Titles stored more than once. */
  duplicated: string[];
  /** Annotation ids without an `annotation.created` event. */
  withoutEvent: string[];
  /** Annotation ids with more than one `annotation.created` event. */
  withSeveralEvents: string[];
  /** Event ids whose annotation does not exist. */
  orphanEvents: string[];
  /** Stored titles the client never sent (should be none on a fresh database). */
  unknownTitles: string[];
  /** Writes that were not acknowledged but committed anyway (allowed). */
  unacknowledgedLanded: number;
}

export function analyseCrash(evidence: CrashEvidence): CrashFindings {
  const stored = new Map<string, number>();
  for (const { title } of evidence.annotations) {
    if (title !== null) stored.set(title, (stored.get(title) ?? 0) + 1);
  }
  const eventsByAnnotation = new Map<string, number>();
  for (const { targetId } of evidence.createdEvents) {
    eventsByAnnotation.set(targetId, (eventsByAnnotation.get(targetId) ?? 0) + 1);
  }
  const annotationIds = new Set(evidence.annotations.map(({ id }) => id));
  const sent = new Set(evidence.sent);
  const acknowledged = new Set(evidence.acknowledged);

  return {
    lostAcknowledged: evidence.acknowledged.filter((title) => !stored.has(title)),
    duplicated: [...stored].filter(([, count]) => count > 1).map(([title]) => title),
    withoutEvent: evidence.annotations.filter(({ id }) => !eventsByAnnotation.has(id)).map(({ id }) => id),
    withSeveralEvents: [...eventsByAnnotation].filter(([, count]) => count > 1).map(([id]) => id),
    orphanEvents: evidence.createdEvents.filter(({ targetId }) => !annotationIds.has(targetId)).map(({ id }) => id),
    unknownTitles: [...stored.keys()].filter((title) => !sent.has(title)),
    unacknowledgedLanded: [...stored.keys()].filter((title) => sent.has(title) && !acknowledged.has(title)).length,
  };
}

/** The first few items of a list, for a check's detail. */
export function sample(items: readonly string[], max = 3): string {
  if (items.length === 0) return "none";
  return `${items.slice(0, max).join(", ")}${items.length > max ? `, … (${items.length} in all)` : ""}`;
}
