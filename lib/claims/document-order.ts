/**
 * Document order of claims, the one order in which the claim list, the side panel, the
 * first view of the text, published versions and every export list claims:
 *
 * 1. by start;
 * 2. of two claims starting together, the longer first (it encloses the other);
 * 3. then the older first;
 * 4. then by id, compared code unit by code unit (so that no two claims ever tie).
 *
 * `DOCUMENT_ORDER` is that rule as data; `compareDocumentOrder` (here) and the SQL `ORDER BY`
 * of the claim list (`documentOrderSql` in lib/claims/load-claim-summaries.ts) are both made
 * from it. Pure code with no imports, so that browser components can use it too.
 */

/** The fields document order reads, in the shape the DTOs carry them (`createdAt` as ISO text). */
export interface DocumentOrdered {
  start: number;
  end: number;
  /** `Date#toISOString` text: fixed width, so comparing the text compares the instants. */
  createdAt: string;
  id: string;
}

/** The rule: each key with its column and direction, most significant first. */
export const DOCUMENT_ORDER = [
  { field: "start", column: "start", descending: false },
  { field: "end", column: "end", descending: true },
  { field: "createdAt", column: "created_at", descending: false },
  { field: "id", column: "id", descending: false },
] as const satisfies ReadonlyArray<{ field: keyof DocumentOrdered; column: string; descending: boolean }>;

type Rule = (typeof DOCUMENT_ORDER)[number];
type PositionRule = Extract<Rule, { field: "start" | "end" }>;

/** The keys that come from a claim's position in the text. */
const POSITION_ORDER = DOCUMENT_ORDER.filter((rule): rule is PositionRule => rule.field === "start" || rule.field === "end");

function compareBy<F extends Rule["field"]>(
  rules: ReadonlyArray<{ field: F; descending: boolean }>,
  a: Pick<DocumentOrdered, F>,
  b: Pick<DocumentOrdered, F>,
): number {
  for (const { field, descending } of rules) {
    const [x, y] = [a[field], b[field]];
    // Numbers numerically; text by UTF-16 code units, as PostgreSQL's "C" collation compares.
    const order = x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return descending ? -order : order;
  }
  return 0;
}

/** Sorts claims into document order (`[...claims].sort(compareDocumentOrder)`). */
export function compareDocumentOrder(a: DocumentOrdered, b: DocumentOrdered): number {
  return compareBy(DOCUMENT_ORDER, a, b);
}

/**
 * Document order as far as the claims' positions decide it, for shapes that do not carry the
 * claims' age (a published snapshot, the workspace's listed claims). Those lists already
 * come in document order, and `Array#sort` is stable, so claims on the same span keep it.
 */
export function comparePosition(a: Pick<DocumentOrdered, "start" | "end">, b: Pick<DocumentOrdered, "start" | "end">): number {
  return compareBy(POSITION_ORDER, a, b);
}
