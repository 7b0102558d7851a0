/** Assignments: who checks an article or a claim, by when, and one's own work. */
import { z } from "zod";
import { AssignInput, ListAssignmentsInput } from "@/lib/assignments/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { AssignedWorkPage, AssignmentResult } from "@/lib/openapi/responses/assignments";
import { ArticleIdParams, ClaimIdParams } from "@/lib/openapi/routes/params";
import type { MemberDTO } from "@/lib/users/list-members";
import { sameType } from "@/lib/openapi/same-type";

const tags = ["Assignments"];

const Member = z
  .object({ id: z.string(), name: z.string(), role: z.enum(["reviewer", "editor", "admin"]) })
  .meta({ id: "Member", description: "A colleague on the desk: id, display name and role." });
sameType<z.output<typeof Member>, MemberDTO>(true);

const unprocessable = { description: "The assignee does not exist or is disabled (`error.fields.assigneeId`)." };

export const routes: RouteDoc[] = [
  routeDoc({
    method: "put",
    path: "/api/claims/{id}/assignment",
    summary: "Assign a claim, with an optional due date",
    description:
      "Replaces the claim's assignment: `{assigneeId, dueAt?}`; `assigneeId: null` assigns nobody, a missing `dueAt` means no due date. Editors assign anyone enabled; a reviewer takes an unassigned claim (their own id) or hands back their own (`null`).",
    tags,
    access: "session",
    params: ClaimIdParams,
    body: AssignInput,
    responses: {
      200: { description: "The assignment now in force.", schema: AssignmentResult },
      403: { description: "A reviewer assigning someone else, or taking a claim someone has." },
      404: { description: "No such claim." },
      422: unprocessable,
    },
  }),
  routeDoc({
    method: "put",
    path: "/api/articles/{id}/assignment",
    summary: "Assign an article, with an optional due date",
    description: "Replaces the article's assignment, as for a claim; editors only.",
    tags,
    access: "editor",
    params: ArticleIdParams,
    body: AssignInput,
    responses: {
      200: { description: "The assignment now in force.", schema: AssignmentResult },
      404: { description: "No such article." },
      422: unprocessable,
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/assignments",
    summary: "Work assigned to the caller (or, for editors, to anyone), overdue first",
    description:
      "Articles and claims ordered by due date, earliest first (so overdue work leads), work without a due date last. `assignee` is `me` (the default) or, for editors, a user id.",
    tags,
    access: "session",
    query: ListAssignmentsInput,
    responses: {
      200: { description: "A page of assigned work.", schema: AssignedWorkPage },
      403: { description: "A reviewer asking for someone else's work." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/members",
    summary: "The desk's members, by name",
    description: "Every enabled account (id, name, role), for choosing whom to assign.",
    tags,
    access: "session",
    responses: {
      200: { description: "Every enabled account.", schema: z.object({ items: z.array(Member) }) },
    },
  }),
];
