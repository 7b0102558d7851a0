/** The kinds of notification, and how each is named in settings. */
export const NOTIFICATION_KINDS = ["mention", "reply", "review", "assignment", "due", "reverification", "published"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  mention: "Someone mentions me",
  reply: "A reply in a thread I wrote in",
  review: "A review of my source or verdict",
  assignment: "An article or claim assigned to me",
  due: "A due date of my work within 24 hours",
  reverification: "A claim I checked needs re-verification",
  published: "A new published version of an article I worked on",
};

export const EMAIL_MODES = ["immediate", "hourly", "off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
