/** The shapes of notifications that leave the domain layer. */
import type { PersonDTO } from "@/lib/claims/present";
import type { EmailMode, NotificationKind } from "@/lib/notifications/kinds";

export interface NotificationDTO {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  /** null while unread. */
  readAt: string | null;
  /** Who caused it; null when their account is gone. */
  actor: PersonDTO | null;
  /** What it is about; `claimId` is the claim to open (null for an article). */
  target: { type: "annotation" | "claim" | "article"; id: string; articleId: string; claimId: string | null };
  summary: string;
}

export interface NotificationPageDTO {
  items: NotificationDTO[];
  nextCursor: string | null;
  /** How many of the caller's notifications are unread, in all. */
  unread: number;
}

export interface NotificationSettingsDTO {
  kinds: Record<NotificationKind, boolean>;
  email: EmailMode;
}

/** Where a notification lands: the article with the claim's panel open. */
export function notificationHref(target: NotificationDTO["target"]): string {
  const claim = target.claimId ? `?claim=${encodeURIComponent(target.claimId)}` : "";
  return `/articles/${encodeURIComponent(target.articleId)}${claim}`;
}
