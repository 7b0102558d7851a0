/**
 * How an open article page applies a live change event (lib/live/article-events.ts) to what it
 * holds, without reading the article again. Pure code, shared by the workspace
 * (components/claims/use-live-article.ts), the model-based test and the benchmark's clients.
 *
 * A change replaces each changed claim (or adds it), drops the claims that are gone, moves a
 * claim between the current and the orphaned list by its status, and takes the article's new
 * progress and agreement when the event has them. A new revision cannot be applied this way
 * (every claim moved, the text changed): the page reloads the article, as after a `reset`.
 */
import type { AgreementDTO } from "@/lib/articles/present";
import type { ChangeEventDTO, LiveClaimDTO } from "@/lib/live/change-batch";

/** The parts of an article page that change events update: claims (`C`) and orphaned claims (`O`) as the page keeps them. */
export interface LiveArticleState<C extends PlacedClaim, O extends PlacedClaim = C> {
  claims: C[];
  orphanedClaims: O[];
  progress: { verified: number; total: number };
  agreement: AgreementDTO;
}

interface PlacedClaim {
  id: string;
  start: number;
  end: number;
}

/** The outcome of applying an event: the new state, or that the article must be read again. */
export type Applied<S> = { kind: "applied"; state: S } | { kind: "reload" };

/** In document order: by start, the longer of two claims starting together first. */
function byPlace(a: PlacedClaim, b: PlacedClaim): number {
  return a.start - b.start || b.end - a.end;
}

/**
 * Applies `event` to `state`. `toClaim` turns an event's claim into what the page keeps in its
 * list (the workspace keeps a smaller `ListedClaim`); `toOrphan` does the same for an orphaned
 * claim, or answers null when the page cannot make one from the event (the workspace's
 * orphaned claims carry abilities, which events do not): then the article is read again.
 */
export function applyChangeEvent<C extends PlacedClaim, O extends PlacedClaim, S extends LiveArticleState<C, O>>(
  state: S,
  event: ChangeEventDTO,
  toClaim: (claim: LiveClaimDTO) => C,
  toOrphan: (claim: LiveClaimDTO) => O | null,
): Applied<S> {
  if (event.revision) return { kind: "reload" };
  const changed = new Set([...event.removed, ...event.claims.map((claim) => claim.id)]);
  const claims = state.claims.filter((claim) => !changed.has(claim.id));
  const orphanedClaims = state.orphanedClaims.filter((claim) => !changed.has(claim.id));
  for (const claim of event.claims) {
    if (claim.status !== "orphaned") {
      claims.push(toClaim(claim));
      continue;
    }
    const orphan = toOrphan(claim);
    if (orphan === null) return { kind: "reload" };
    orphanedClaims.push(orphan);
  }
  claims.sort(byPlace);
  orphanedClaims.sort(byPlace);
  return {
    kind: "applied",
    state: {
      ...state,
      claims,
      orphanedClaims,
      ...(event.totals ? { progress: event.totals.progress, agreement: event.totals.agreement } : {}),
    },
  };
}

/** Whether the event changed the claim `claimId` (so a page showing it in full loads it again). */
export function changesClaim(event: ChangeEventDTO, claimId: string): boolean {
  return event.removed.includes(claimId) || event.claims.some((claim) => claim.id === claimId);
}
