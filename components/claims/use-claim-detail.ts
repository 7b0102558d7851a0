"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiRead, ApiError } from "@/lib/api-client";
import type { ClaimDTO } from "@/lib/claims/present";

interface Loaded {
  id: string;
  claim: ClaimDTO | null;
  error: string | null;
}

/**
 * The open claim in full (`GET /api/claims/:id`: its annotations with their threads and
 * abilities), loaded when it is opened and again on `reload`. The article's claim list carries
 * summaries only, so an article with a thousand claims loads fast; the detail of the one claim
 * being worked on is fetched on its own. Answers for a claim that is no longer open are dropped.
 */
export function useClaimDetail(claimId: string | null) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const openId = useRef<string | null>(claimId);

  // Loads `id` into state, unless another claim has been opened by the time it answers.
  const load = useCallback((id: string): Promise<void> => {
    return apiRead<ClaimDTO>(`/api/claims/${encodeURIComponent(id)}`).then(
      (claim) => {
        if (openId.current === id) setLoaded({ id, claim, error: null });
      },
      (error: unknown) => {
        if (openId.current !== id) return;
        const message = error instanceof ApiError ? error.message : "Could not load this claim.";
        // A claim already shown stays shown, with the error beside it.
        setLoaded((current) => ({ id, claim: current?.id === id ? current.claim : null, error: message }));
      },
    );
  }, []);

  useEffect(() => {
    openId.current = claimId;
    if (claimId) void load(claimId);
  }, [claimId, load]);

  const reload = useCallback(async () => {
    const id = openId.current;
    if (id) await load(id);
  }, [load]);

  /** Shows a claim the caller already has in full (e.g. the answer to creating it). */
  const show = useCallback((claim: ClaimDTO) => {
    openId.current = claim.id;
    setLoaded({ id: claim.id, claim, error: null });
  }, []);

  const current = loaded !== null && loaded.id === claimId ? loaded : null;
  return { claim: current?.claim ?? null, error: current?.error ?? null, reload, show };
}
