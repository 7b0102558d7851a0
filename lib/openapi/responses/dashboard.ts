/** Response schema of the dashboard, checked against lib/dashboard/get-dashboard.ts. */
import { z } from "zod";
import { CLAIM_STATUSES, VERDICTS } from "@/lib/claims/present";
import type { DashboardDTO } from "@/lib/dashboard/get-dashboard";
import { Person, Timestamp } from "@/lib/openapi/responses/common";
import { sameType } from "@/lib/openapi/same-type";

const Week = z.string().meta({ description: "The Monday starting the week (YYYY-MM-DD, UTC)." });
const Day = z.string().meta({ format: "date" });

export const Dashboard = z
  .object({
    scope: z.enum(["desk", "own"]).meta({ description: "`desk`: the whole desk (editors, admins); `own`: the caller's own work (reviewers)." }),
    range: z.object({ from: Day, to: Day }).meta({ description: "The days covered, both included." }),
    articleId: z.string().nullable(),
    claimsByStatus: z
      .array(z.object({ status: z.enum(CLAIM_STATUSES), count: z.number().int() }))
      .meta({ description: "Claims marked in the range, by their status now; every status, in order." }),
    verdictsByKind: z
      .array(z.object({ verdict: z.enum(VERDICTS), approved: z.number().int(), inReview: z.number().int() }))
      .meta({ description: "Verdicts submitted in the range: approved, and still in review (submitted or sent back for changes). Drafts and rejected verdicts are not counted." }),
    checksPerWeek: z
      .array(z.object({ week: Week, count: z.number().int() }))
      .meta({ description: "Claims that became verified or disputed, per week of the range." }),
    timeToVerified: z
      .object({
        medianHours: z.number().nullable(),
        claims: z.number().int(),
        weeks: z.array(z.object({ week: Week, medianHours: z.number().nullable(), claims: z.number().int() })),
      })
      .meta({ description: "Median hours from marking a claim to its first verification, over the claims first verified in the range, and per week." }),
    openWork: z
      .object({
        asOf: Timestamp,
        assignees: z.array(z.object({ assignee: Person, open: z.number().int(), overdue: z.number().int() })),
        overdue: z.array(
          z.object({
            type: z.enum(["article", "claim"]),
            id: z.string(),
            articleId: z.string(),
            articleTitle: z.string(),
            quote: z.string().nullable(),
            assignee: Person,
            dueAt: Timestamp,
          }),
        ),
      })
      .meta({
        description:
          "Work assigned now (not limited to the range): per assignee, the articles and not yet verified or disputed claims, and how many are past due; the first 20 overdue items, earliest due first.",
      }),
    agreement: z
      .array(
        z.object({
          week: Week,
          approve: z.number().int(),
          requestChanges: z.number().int(),
          reject: z.number().int(),
          approvalShare: z.number().nullable(),
        }),
      )
      .meta({ description: "Reviews given per week, by decision, and the share that approved (null without reviews)." }),
  })
  .meta({ id: "Dashboard", description: "The figures behind the dashboard's charts." });
sameType<z.output<typeof Dashboard>, DashboardDTO>(true);
