/** Input schemas of the inbox and its settings. */
import { z } from "zod";
import { PageInput } from "@/lib/reviews/schemas";
import { EMAIL_MODES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

/** `GET /api/notifications?unread=1&cursor=&limit=`. */
export const ListNotificationsInput = PageInput.extend({
  unread: z
    .enum(["0", "1"], { error: "Send unread=1 for unread notifications only, or leave it out." })
    .optional()
    .meta({ description: "`1`: unread notifications only." }),
});

/** `POST /api/notifications/read`: some notifications by id, or all of them. */
export const MarkReadInput = z.union(
  [
    z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1, "Name at least one notification.").max(100, "At most 100 at a time.") }),
    z.strictObject({ all: z.literal(true) }),
  ],
  { error: "Send {ids: [...]} or {all: true}." },
);

/** `PUT /api/account/notification-settings`: each kind on or off, and the email mode. */
export const NotificationSettingsInput = z.strictObject({
  kinds: z.strictObject(
    Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean({ error: `Send ${kind} as true or false.` })])) as Record<
      (typeof NOTIFICATION_KINDS)[number],
      z.ZodBoolean
    >,
  ),
  email: z.enum(EMAIL_MODES, { error: "Choose immediate, hourly or off." }),
});
