"use client";

import { useCallback, useState, type RefObject } from "react";
import type { ClaimFilters } from "@/components/claims/claim-list";
import { useClaimDetail } from "@/components/claims/use-claim-detail";
import type { ClaimSpan } from "@/components/claims/workspace/selection-span";

/**
 * What the claims panel shows: the claim being marked (a selected span waiting for its
 * claimant), else the open claim (loaded in full by `useClaimDetail`), else the claim list with
 * its filters. Opening a claim drops a claim being marked and scrolls the panel (`panelRef`) to
 * its top. `initialClaimId` opens a claim at once (a link from My work or a notification).
 */
export function useClaimPanel(panelRef: RefObject<HTMLElement | null>, initialClaimId: string | null = null) {
  const [activeId, setActiveId] = useState<string | null>(initialClaimId);
  const [pending, setPending] = useState<ClaimSpan | null>(null);
  const [filters, setFilters] = useState<ClaimFilters>({ status: "all", author: "all" });
  const detail = useClaimDetail(activeId);

  const open = useCallback((claimId: string) => {
    setPending(null);
    setActiveId(claimId);
    panelRef.current?.scrollTo({ top: 0 });
  }, [panelRef]);

  const close = useCallback(() => setActiveId(null), []);

  return { activeId, setActiveId, pending, setPending, filters, setFilters, detail, open, close };
}

export type ClaimPanelState = ReturnType<typeof useClaimPanel>;
