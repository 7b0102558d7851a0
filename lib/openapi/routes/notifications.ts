/** Notifications: the inbox, marking read, the live stream and the settings. */
import { z } from "zod";
import { ListNotificationsInput, MarkReadInput, NotificationSettingsInput } from "@/lib/notifications/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { NotificationPage, NotificationSettings } from "@/lib/openapi/responses/notifications";

const tags = ["Notifications"];

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/notifications",
    summary: "The caller's notifications, newest first",
    description:
      "Mentions, replies in threads the caller wrote in, reviews of their work and assignments to them. Never about the caller's own actions, and never about something they may not see.",
    tags,
    access: "session",
    query: ListNotificationsInput,
    responses: { 200: { description: "A page of notifications, and the unread count.", schema: NotificationPage } },
  }),
  routeDoc({
    method: "post",
    path: "/api/notifications/read",
    summary: "Mark notifications read",
    description: "`{ids: [...]}` marks those (ids that are not the caller's are ignored); `{all: true}` marks every one.",
    tags,
    access: "session",
    body: MarkReadInput,
    responses: { 200: { description: "The unread count after.", schema: z.object({ unread: z.number().int() }) } },
  }),
  routeDoc({
    method: "get",
    path: "/api/notifications/events",
    summary: "Live stream of the caller's new notifications (server-sent events)",
    description:
      "`text/event-stream`: `ready` once listening, then `notification` with `{id}` for each new notification, `resync` after a reconnect of the server's database listener (read the inbox again).",
    tags,
    access: "session",
    responses: { 200: { description: "An event stream (`text/event-stream`)." } },
  }),
  routeDoc({
    method: "get",
    path: "/api/account/notification-settings",
    summary: "The caller's notification settings",
    tags,
    access: "session",
    responses: { 200: { description: "Each kind on or off, and the email mode.", schema: NotificationSettings } },
  }),
  routeDoc({
    method: "put",
    path: "/api/account/notification-settings",
    summary: "Change the caller's notification settings",
    description:
      "Replaces them whole: `{kinds: {mention, reply, review, assignment, due, reverification, published}, email: immediate | hourly | off}`. " +
      "`email` applies when the desk has a mail server (`SMTP_URL`): one mail per notification, one digest at each full hour, or none.",
    tags,
    access: "session",
    body: NotificationSettingsInput,
    responses: { 200: { description: "The settings now in force.", schema: NotificationSettings } },
  }),
];
