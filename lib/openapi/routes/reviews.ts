/** The review desk: reviews, replies, the queue and the activity on one's own work. */
import { z } from "zod";
import { PageInput, ReplyToAnnotationInput, ReviewAnnotationInput } from "@/lib/reviews/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { ActivityItem, Reply, Review, ReviewQueueItem } from "@/lib/openapi/responses/claims";
import { page } from "@/lib/openapi/responses/common";
import { AnnotationIdParams } from "@/lib/openapi/routes/params";

const tags = ["Reviews"];

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/reviews",
    summary: "Review someone else's submitted annotation",
    description: "`version` is the annotation version you read; a review of an older one is refused.",
    tags,
    access: "session",
    params: AnnotationIdParams,
    body: ReviewAnnotationInput,
    responses: {
      201: { description: "The review.", schema: Review },
      403: { description: "One's own annotation: nobody reviews their own work." },
      404: { description: "No such annotation, or someone else's draft." },
      409: {
        description:
          "Not waiting for review, already reviewed by the caller at this version, or `version` is stale (`error.currentVersion`).",
      },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/replies",
    summary: "Reply in an annotation's thread",
    tags,
    access: "session",
    params: AnnotationIdParams,
    body: ReplyToAnnotationInput,
    responses: {
      201: { description: "The reply.", schema: Reply },
      404: { description: "No such annotation, or someone else's draft." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/reviews/queue",
    summary: "Annotations waiting for the caller's review, oldest first",
    tags,
    access: "session",
    query: PageInput,
    responses: {
      200: {
        description: "A page of the queue, and the size of the whole queue.",
        schema: page(ReviewQueueItem).extend({ count: z.number().int() }),
      },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/activity",
    summary: "Reviews and replies by others on the caller's annotations, newest first",
    tags,
    access: "session",
    query: PageInput,
    responses: { 200: { description: "A page of activity.", schema: page(ActivityItem) } },
  }),
];
