/** Response schemas of notifications, checked against lib/notifications/present.ts. */
import { z } from "zod";
import { EMAIL_MODES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { NotificationDTO, NotificationPageDTO, NotificationSettingsDTO } from "@/lib/notifications/present";
import { Person, Timestamp, page } from "@/lib/openapi/responses/common";
import { sameType } from "@/lib/openapi/same-type";

export const NotificationKind = z.enum(NOTIFICATION_KINDS).meta({ id: "NotificationKind" });

export const Notification = z
  .object({
    id: z.string(),
    kind: NotificationKind,
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
    actor: Person.nullable(),
    target: z.object({
      type: z.enum(["annotation", "claim", "article"]),
      id: z.string(),
      articleId: z.string(),
      claimId: z.string().nullable().meta({ description: "The claim to open; null for an article." }),
    }),
    summary: z.string(),
  })
  .meta({ id: "Notification", description: "Something that happened to the caller's work or to them." });
sameType<z.output<typeof Notification>, NotificationDTO>(true);

export const NotificationPage = page(Notification)
  .extend({ unread: z.number().int().meta({ description: "How many of the caller's notifications are unread, in all." }) })
  .meta({ id: "NotificationPage" });
sameType<z.output<typeof NotificationPage>, NotificationPageDTO>(true);

export const NotificationSettings = z
  .object({
    kinds: z.object({
      mention: z.boolean(),
      reply: z.boolean(),
      review: z.boolean(),
      assignment: z.boolean(),
      due: z.boolean(),
      reverification: z.boolean(),
      published: z.boolean(),
    }),
    email: z.enum(EMAIL_MODES),
  })
  .meta({ id: "NotificationSettings", description: "Each kind on or off, and how notifications are emailed." });
sameType<z.output<typeof NotificationSettings>, NotificationSettingsDTO>(true);
