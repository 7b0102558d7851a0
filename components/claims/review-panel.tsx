"use client";

import { useId, useState } from "react";
import { api, ApiError } from "@/lib/api-client";
import type { AnnotationDTO, ReviewDecision } from "@/lib/claims/present";
import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/cn";
import { MentionText } from "@/components/mentions/mention-text";
import { MentionTextarea, withMentionTokens } from "@/components/mentions/mention-textarea";

const DECISION_LABEL: Record<ReviewDecision, { label: string; className: string }> = {
  approve: { label: "Approved", className: "text-success" },
  request_changes: { label: "Requested changes", className: "text-warning" },
  reject: { label: "Rejected", className: "text-danger" },
};

/** The reviews of an annotation, its discussion thread, and the forms to add to either. */
export function ReviewPanel({ annotation, onChanged }: { annotation: AnnotationDTO; onChanged: () => void }) {
  const id = useId();
  const [comment, setComment] = useState("");
  const [reply, setReply] = useState("");
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function review(decision: ReviewDecision) {
    if (comment.trim() === "") {
      setFieldError("Say why: the author reads this comment.");
      return;
    }
    setPending(decision);
    setError(null);
    setFieldError(null);
    try {
      await api(`/api/annotations/${annotation.id}/reviews`, {
        method: "POST",
        body: { decision, comment: comment.trim(), version: annotation.version },
      });
      setComment("");
      onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "stale_version") {
        setError("The author changed this annotation while you were reading it. Look at the new version, then review again.");
        onChanged();
      } else {
        setError(caught instanceof ApiError ? caught.message : "Could not save the review.");
      }
    } finally {
      setPending(null);
    }
  }

  async function sendReply(event: React.FormEvent) {
    event.preventDefault();
    if (reply.trim() === "") return;
    setPending("reply");
    setError(null);
    try {
      await api(`/api/annotations/${annotation.id}/replies`, { method: "POST", body: { body: withMentionTokens(reply.trim(), picked) } });
      setReply("");
      setPicked(new Map());
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not send the reply.");
    } finally {
      setPending(null);
    }
  }

  const hasThread = annotation.reviews.length > 0 || annotation.replies.length > 0;
  // A private draft has nobody to discuss it with yet.
  const canReply = annotation.can.reply && (annotation.status !== "draft" || hasThread);
  if (annotation.status === "draft" && !hasThread) return null;
  const thread = [
    ...annotation.reviews.map((entry) => ({ kind: "review" as const, at: entry.createdAt, entry })),
    ...annotation.replies.map((entry) => ({ kind: "reply" as const, at: entry.createdAt, entry })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <div className="grid gap-2 border-t border-border pt-2">
      {annotation.status !== "draft" ? (
        <p className="text-xs text-muted">
          {annotation.approvals} of {annotation.requiredApprovals} approval{annotation.requiredApprovals === 1 ? "" : "s"} on
          version {annotation.version}
        </p>
      ) : null}

      {hasThread ? (
        <ol className="grid gap-2" aria-label="Reviews and replies">
          {thread.map((item) =>
            item.kind === "review" ? (
              <li key={item.entry.id} className={cn("rounded-md bg-canvas px-2.5 py-2 text-sm", !item.entry.current && "opacity-70")}>
                <p className="text-xs text-muted">
                  <span className={cn("font-semibold", DECISION_LABEL[item.entry.decision].className)}>
                    {DECISION_LABEL[item.entry.decision].label}
                  </span>{" "}
                  by {item.entry.reviewer.name} · version {item.entry.version}
                  {item.entry.current ? "" : " (an older version)"} · {formatDateTime(item.entry.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{item.entry.comment}</p>
              </li>
            ) : (
              <li key={item.entry.id} className="rounded-md border border-border px-2.5 py-2 text-sm">
                <p className="text-xs text-muted">
                  <span className="font-medium text-ink">{item.entry.author.name}</span> replied ·{" "}
                  {formatDateTime(item.entry.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap">
                  <MentionText text={item.entry.body} mentions={item.entry.mentions} />
                </p>
              </li>
            ),
          )}
        </ol>
      ) : null}

      {error ? <Alert tone="danger">{error}</Alert> : null}

      {annotation.can.review ? (
        <div className="grid gap-1.5 rounded-md border border-accent/25 bg-accent-soft/40 p-2.5" role="group" aria-label="Review">
          <label id={`${id}-review`} htmlFor={`${id}-comment`} className="text-sm font-medium">
            Your review of version {annotation.version}
          </label>
          <Textarea
            id={`${id}-comment`}
            rows={2}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            placeholder="What did you check? What should change?"
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-comment-error` : undefined}
            maxLength={5000}
          />
          {fieldError ? (
            <p id={`${id}-comment-error`} className="text-xs font-medium text-danger">
              {fieldError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-1.5">
            <Button size="sm" disabled={pending !== null} onClick={() => void review("approve")}>
              {pending === "approve" ? "Approving…" : "Approve"}
            </Button>
            <Button size="sm" variant="secondary" disabled={pending !== null} onClick={() => void review("request_changes")}>
              Request changes
            </Button>
            <Button size="sm" variant="ghost" className="text-danger" disabled={pending !== null} onClick={() => void review("reject")}>
              Reject
            </Button>
          </div>
        </div>
      ) : null}

      {canReply ? (
        <form onSubmit={(event) => void sendReply(event)} className="flex items-end gap-1.5">
          <div className="grid flex-1 gap-1">
            <label htmlFor={`${id}-reply`} className="sr-only">
              Reply
            </label>
            <MentionTextarea
              id={`${id}-reply`}
              rows={1}
              className="min-h-9"
              value={reply}
              onChange={setReply}
              onPickedChange={setPicked}
              placeholder="Reply… (@ to mention)"
              maxLength={5000}
            />
          </div>
          <Button type="submit" size="sm" variant="secondary" disabled={pending !== null || reply.trim() === ""}>
            Reply
          </Button>
        </form>
      ) : null}
    </div>
  );
}
