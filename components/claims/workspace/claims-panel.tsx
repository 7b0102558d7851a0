"use client";

import { useMemo, type ReactNode, type RefObject } from "react";
import type { ListedClaim, WorkspaceArticle } from "@/components/claims/listed-claim";
import { comparePosition } from "@/lib/claims/document-order";
import type { LiveState } from "@/components/claims/use-article-events";
import { ClaimList } from "@/components/claims/claim-list";
import { ClaimDetail, ClaimDetailLoading } from "@/components/claims/claim-detail";
import { NewClaimForm } from "@/components/claims/new-claim-form";
import { OrphanedClaims } from "@/components/claims/orphaned-claims";
import { ArticleProgress } from "@/components/claims/article-progress";
import { Alert } from "@/components/ui/alert";
import type { ClaimPanelState } from "@/components/claims/workspace/use-claim-panel";

/**
 * The claims in document order (lib/claims/document-order.ts). The article's list comes in
 * that order and a claim marked here is the newest, added last, so sorting by position alone
 * (a stable sort) puts it where the server will list it.
 */
function inDocumentOrder(claims: readonly ListedClaim[]): ListedClaim[] {
  return [...claims].sort(comparePosition);
}

/** The change stream's state, as the dot and word at the top of the panel. */
function LiveIndicator({ live }: { live: LiveState }) {
  return (
    <div className="mb-3 flex items-center justify-end gap-1.5 text-xs text-muted" aria-live="polite">
      <span
        aria-hidden
        className={`size-2 rounded-full ${live === "live" ? "bg-success" : live === "connecting" ? "bg-border-strong" : "bg-warning"}`}
      />
      {live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Reconnecting…"}
    </div>
  );
}

/**
 * The panel beside the text: the article's progress, the live indicator, and one of the
 * new-claim form (a claim being marked), the open claim, or the claim list with the orphaned
 * claims. A further section of the list view (e.g. claims checked before, an assignee) goes in
 * the last branch beside `ClaimList`; one about the open claim goes into `ClaimDetail`.
 */
export function ClaimsPanel({
  panelRef,
  article,
  panel,
  live,
  loadError,
  marking,
  reattach,
  onReload,
  onShowInText,
  onOpenFromList,
  viewerId,
  suggestions,
}: {
  /** The signed-in user, who may take a claim for themselves. */
  viewerId: string;
  /** The panel's scroll box (scrolled to the top when a claim is opened). */
  panelRef: RefObject<HTMLElement | null>;
  article: WorkspaceArticle;
  panel: ClaimPanelState;
  live: LiveState;
  loadError: string | null;
  marking: {
    saving: boolean;
    error: string | null;
    onSubmit: (claimant: string) => void;
    onCancel: () => void;
  };
  reattach: { allowed: boolean; error: string | null; onReattach: (claimId: string) => void };
  onReload: () => void;
  /** Selects an open claim's text in the editor. */
  onShowInText: (claimId: string) => void;
  /** Opens a claim chosen in the list (and scrolls the text to it). */
  onOpenFromList: (claimId: string) => void;
  /** The suggested claims section, above the claim list. */
  suggestions?: ReactNode;
}) {
  const { pending, detail, activeId } = panel;
  const active = [...article.claims, ...article.orphanedClaims].find((claim) => claim.id === activeId) ?? null;
  const activeIsOrphan = active !== null && active.status === "orphaned";
  const sorted = useMemo(() => inDocumentOrder(article.claims), [article.claims]);

  return (
    <aside
      aria-label="Claims panel"
      className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto rounded-lg border border-border bg-surface p-4 shadow-xs"
      ref={panelRef}
    >
      <div className="mb-4 border-b border-border pb-3">
        <ArticleProgress progress={article.progress} agreement={article.agreement} />
      </div>
      <LiveIndicator live={live} />
      {loadError ? (
        <Alert tone="danger" className="mb-3">
          {loadError}
        </Alert>
      ) : null}
      {pending ? (
        <NewClaimForm
          key={`${pending.start}-${pending.end}`}
          exact={pending.exact}
          initialClaimant={pending.claimant ?? ""}
          pending={marking.saving}
          error={marking.error}
          onSubmit={marking.onSubmit}
          onCancel={marking.onCancel}
        />
      ) : active && detail.claim === null ? (
        <ClaimDetailLoading claim={active} error={detail.error} onBack={panel.close} onRetry={() => void detail.reload()} />
      ) : active && detail.claim ? (
        <ClaimDetail
          key={active.id}
          claim={detail.claim}
          error={detail.error}
          onBack={panel.close}
          onChanged={onReload}
          onDeleted={() => {
            panel.close();
            onReload();
          }}
          onShowInText={activeIsOrphan ? undefined : () => onShowInText(active.id)}
          viewerId={viewerId}
        />
      ) : (
        <div className="grid gap-6">
          {suggestions}
          <ClaimList
            claims={sorted}
            filters={panel.filters}
            onFiltersChange={panel.setFilters}
            activeId={activeId}
            onOpen={onOpenFromList}
          />
          <OrphanedClaims
            claims={article.orphanedClaims}
            canReattach={reattach.allowed}
            error={reattach.error}
            onReattach={reattach.onReattach}
            onOpen={panel.open}
            onClosed={onReload}
          />
        </div>
      )}
    </aside>
  );
}
