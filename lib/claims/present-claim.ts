/** Claim rows → `ClaimDTO` (lib/claims/present.ts), with the annotations the asking user may see. */
import type { Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { ClaimAbilities, ClaimDTO } from "@/lib/claims/present";
import { visibleAnnotationWhere } from "@/lib/annotations/access";
import { annotationSelect, presentAnnotation } from "@/lib/annotations/present-annotation";
import { assignmentSelect, presentAssignment } from "@/lib/assignments/present";
import { claimAssignAbilities } from "@/lib/assignments/rules";

/** The columns of a claim itself. */
const claimColumns = {
  id: true,
  articleId: true,
  revisionId: true,
  status: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  claimant: true,
  createdAt: true,
  createdById: true,
  createdBy: { select: { id: true, name: true } },
  ...assignmentSelect,
  // All annotations, drafts included: whether the creator may still remove the claim
  // depends on them, even on the ones the creator cannot see.
  _count: { select: { annotations: true } },
} as const satisfies Prisma.ClaimSelect;

const annotationOrder = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * The columns of a claim's DTO, with its visible annotations in one nested select (so a page
 * of claims costs a fixed number of queries, however many claims there are).
 */
export function claimSelect(actor: Actor) {
  return {
    ...claimColumns,
    annotations: { where: visibleAnnotationWhere(actor), orderBy: annotationOrder, select: annotationSelect },
  } satisfies Prisma.ClaimSelect;
}

/** A claim row as `claimSelect` loads it. */
export type ClaimRow = Prisma.ClaimGetPayload<{ select: ReturnType<typeof claimSelect> }>;

/** What `actor` may do with a claim, for the UI (lib/claims/delete-claim.ts decides for real). */
export function claimAbilities(actor: Actor, claim: { createdById: string; annotationCount: number }): ClaimAbilities {
  const ownAndBare = claim.createdById === actor.id && claim.annotationCount === 0 && can(actor, "claim.delete.own");
  return {
    delete: can(actor, "claim.delete.any") || ownAndBare,
    annotate: can(actor, "annotation.create"),
  };
}

/**
 * The columns a claim's own fields are made from: what the claim list's statement
 * (lib/claims/load-claim-summaries.ts) reads for each claim, and part of every `claimSelect` row.
 */
export type ClaimFieldsRow = Pick<
  ClaimRow,
  "id" | "articleId" | "revisionId" | "status" | "exact" | "prefix" | "suffix" | "start" | "end" | "claimant" | "createdAt" | "createdBy"
>;

/** A claim's own fields, as its full form and the claim list both carry them. */
export function presentClaimFields(row: ClaimFieldsRow): Omit<ClaimDTO, "annotations" | "can" | "assignment"> {
  return {
    id: row.id,
    articleId: row.articleId,
    revisionId: row.revisionId,
    status: row.status,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    claimant: row.claimant,
    createdBy: { id: row.createdBy.id, name: row.createdBy.name },
    createdAt: row.createdAt.toISOString(),
  };
}

/** The claim as the API and the editor see it. */
export function presentClaim(row: ClaimRow, actor: Actor): ClaimDTO {
  const assignment = presentAssignment(row);
  return {
    ...presentClaimFields(row),
    can: {
      ...claimAbilities(actor, { createdById: row.createdById, annotationCount: row._count.annotations }),
      ...claimAssignAbilities(actor, assignment?.assignee.id ?? null),
    },
    assignment,
    annotations: row.annotations.map((annotation) => presentAnnotation(annotation, actor)),
  };
}
