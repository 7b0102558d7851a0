/** The dashboard: the desk's figures (or a reviewer's own) over a date range. */
import { DashboardQuery } from "@/lib/dashboard/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { Dashboard } from "@/lib/openapi/responses/dashboard";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/dashboard",
    summary: "The figures behind the dashboard's charts",
    description:
      "Claims by status, verdicts by kind, checks completed per week, the median time from marking a claim to its verification, open and overdue work per assignee, and reviewers' decisions per week, over `from`..`to` (calendar days in UTC, both included; by default the 13 weeks up to today) and optionally one article. Editors and admins get the whole desk's figures (`scope: desk`); a reviewer gets their own (`scope: own`): the claims they marked, are assigned or worked on, their verdicts, the reviews they gave and their assigned work. Drafts are never counted.",
    tags: ["Dashboard"],
    access: "session",
    query: DashboardQuery,
    responses: {
      200: { description: "The figures.", schema: Dashboard },
      400: { description: "A malformed date, `from` after `to`, or a range longer than three years (`error.fields`)." },
      404: { description: "No such article (`error.fields.articleId`)." },
    },
  }),
];
