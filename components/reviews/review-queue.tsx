"use client";

import { useCallback } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReviewQueueItemDTO } from "@/lib/claims/present";
import { formatDateTime } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { ClaimStatusBadge } from "@/components/claims/status-badge";
import { AnnotationCard } from "@/components/claims/annotation-card";

/** The claim's quote with a little of the text around it, so a reviewer reads it in context. */
function QuoteInContext({ claim }: { claim: ReviewQueueItemDTO["claim"] }) {
  return (
    <p className="font-serif text-[0.95rem] leading-relaxed text-muted">
      {claim.prefix ? <span>…{claim.prefix}</span> : null}
      <mark className="rounded-sm bg-accent-soft px-0.5 text-ink">{claim.exact}</mark>
      {claim.suffix ? <span>{claim.suffix}…</span> : null}
    </p>
  );
}

/** Submitted work by others waiting for the signed-in reviewer, oldest first. */
export function ReviewQueue({ items }: { items: ReviewQueueItemDTO[] }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);

  if (items.length === 0) {
    return (
      <Card className="p-10 text-center">
        <p className="font-medium">Nothing to review</p>
        <p className="mt-1 text-sm text-muted">When colleagues submit sources or verdicts, they wait for you here.</p>
      </Card>
    );
  }

  return (
    <ol className="grid gap-3" aria-label="Waiting for your review">
      {items.map((item) => {
        return (
          <li key={item.annotation.id}>
            <Card className="grid gap-3 p-4">
              <div className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <Link href={`/articles/${item.article.id}`} className="font-medium text-accent hover:underline">
                  {item.article.title}
                </Link>
                <ClaimStatusBadge status={item.claim.status} />
                {item.claim.claimant ? <span>Claimed by {item.claim.claimant}</span> : null}
                <span className="ml-auto">
                  {item.annotation.kind === "verification" ? "Verdict" : "Source"} by {item.annotation.author.name} · submitted{" "}
                  {formatDateTime(item.annotation.submittedAt)}
                </span>
              </div>
              <QuoteInContext claim={item.claim} />
              <AnnotationCard annotation={item.annotation} onChanged={refresh} />
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
