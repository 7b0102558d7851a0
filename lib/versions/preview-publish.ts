/** What publishing now would include, for the editor to confirm (counts, claims, changes). */
import { assertCan } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { buildSnapshot, type SnapshotClaim } from "@/lib/versions/snapshot";
import { loadPublishable } from "@/lib/versions/load-publishable";
import { diffVersions } from "@/lib/versions/diff-versions";
import { getVersion } from "@/lib/versions/get-version";
import type { PreviewClaimDTO, PublishPreviewDTO } from "@/lib/versions/present";

function previewClaim(claim: SnapshotClaim): PreviewClaimDTO {
  return { id: claim.id, exact: claim.exact, claimant: claim.claimant, verdicts: claim.verdicts, sources: claim.sources.length };
}

/**
 * The snapshot that publishing would make now, summarised: editors only, like publishing.
 * Built by the same code as the real snapshot, so the preview cannot disagree with it (unless
 * someone changes the article in between, which the version number shown also warns of).
 */
export async function previewPublish({ actor, articleId }: { actor: Actor | null; articleId: string }): Promise<PublishPreviewDTO> {
  assertCan(actor, "version.publish");
  const publishable = await loadPublishable(db, articleId);
  const snapshot = buildSnapshot({
    articleId,
    number: publishable.latestNumber + 1,
    publishedAt: new Date().toISOString(),
    publishedBy: { id: actor.id, name: actor.name },
    note: null,
    article: publishable.article,
    revision: publishable.revision,
    claims: publishable.claims,
  });
  const latest = publishable.latestNumber > 0 ? await getVersion({ articleId, number: publishable.latestNumber }) : null;
  return {
    articleId,
    title: publishable.article.title,
    nextNumber: snapshot.number,
    revision: { id: publishable.revision.id, number: publishable.revision.number },
    latest: latest ? summaryOf(latest) : null,
    verified: snapshot.claims.filter((claim) => claim.status === "verified").map(previewClaim),
    disputed: snapshot.claims.filter((claim) => claim.status === "disputed").map(previewClaim),
    unverified: snapshot.claims.filter((claim) => claim.status === "unverified").map(previewClaim),
    changes: latest ? diffVersions(latest.snapshot, snapshot) : null,
  };
}

function summaryOf<T extends { snapshot: unknown }>(version: T): Omit<T, "snapshot"> {
  const { snapshot: _snapshot, ...summary } = version;
  return summary;
}
