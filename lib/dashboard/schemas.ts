/** Input of the dashboard: a date range and, optionally, one article. */
import { z } from "zod";

const DAY = 86_400_000;
/** The longest range one request may cover (weekly series stay a few hundred points long). */
export const MAX_RANGE_DAYS = 3 * 366;
/** Without `from`, the range covers this many days ending with `to`. */
export const DEFAULT_RANGE_DAYS = 91;

const day = (name: string) =>
  z.iso.date({ error: `Send ${name} as a calendar date, e.g. 2026-12-07.` }).meta({
    description: `A calendar date (YYYY-MM-DD, UTC); ${name === "from" ? "the first day of the range" : "the last day of the range, included"}.`,
  });

/** The first day of the range, its last day and the article, as the use case reads them. */
export interface DashboardRange {
  /** Midnight UTC starting the first day. */
  from: Date;
  /** Midnight UTC after the last day: the range is [from, until). */
  until: Date;
  /** The days as sent back (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
  articleId: string | null;
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The query string of `GET /api/dashboard?from=&to=&articleId=`, as documented. */
export const DashboardQuery = z.strictObject({
  from: day("from").optional(),
  to: day("to").optional(),
  articleId: z
    .string({ error: "Send the id of an article." })
    .min(1, "Send the id of an article.")
    .max(100, "No such article.")
    .optional()
    .meta({ description: "Only this article's claims, verdicts, reviews and assigned work." }),
});

/**
 * The query read as a range: `to` defaults to today (UTC), `from` to 13 weeks before it;
 * `from` after `to`, or a range longer than three years, is refused.
 */
export const DashboardInput = DashboardQuery.transform((input, context): DashboardRange => {
  const toDay = input.to ?? dayOf(new Date());
  const until = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY);
  const fromDay = input.from ?? dayOf(new Date(until.getTime() - DEFAULT_RANGE_DAYS * DAY));
  const from = new Date(`${fromDay}T00:00:00Z`);
  if (from.getTime() >= until.getTime()) {
    context.addIssue({ code: "custom", path: ["from"], message: "The first day must not be after the last day." });
    return z.NEVER;
  }
  if (until.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    context.addIssue({ code: "custom", path: ["from"], message: `Choose a range of at most ${MAX_RANGE_DAYS} days.` });
    return z.NEVER;
  }
  return { from, until, fromDay, toDay, articleId: input.articleId ?? null };
});
export type DashboardInput = z.input<typeof DashboardInput>;
