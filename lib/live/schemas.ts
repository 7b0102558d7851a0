/** Input of the article event stream (`GET /api/articles/:id/events`). */
import { z } from "zod";

/** An event id: the `Last-Event-ID` header a reconnecting browser sends, or `?after=`. */
const EventId = z
  .string()
  .regex(/^\d{1,15}$/, "An event id is a whole number.")
  .transform((value) => Number(value));

export const ArticleEventsInput = z.object({
  /** The last event the client has applied; the stream starts with what came after it. */
  after: EventId.nullable(),
});
export type ArticleEventsInput = z.input<typeof ArticleEventsInput>;

/** The query of the event stream, for the API reference. */
export const ArticleEventsQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .describe("The id of the last event the client applied (its page's `liveEventId`); `Last-Event-ID` wins when both are sent."),
});
