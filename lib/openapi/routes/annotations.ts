/** Annotations (sources and verifications) and their workflow. */
import { z } from "zod";
import {
  AnnotationTransitionInput,
  CreateAnnotationInput,
  UpdateSourceInput,
  UpdateVerificationInput,
} from "@/lib/annotations/schemas";
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { Annotation } from "@/lib/openapi/responses/claims";
import { AnnotationIdParams, ClaimIdParams } from "@/lib/openapi/routes/params";

const tags = ["Annotations"];
const stale = "`version` is not the annotation's current version: `error.currentVersion` says which is.";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "post",
    path: "/api/claims/{id}/annotations",
    summary: "Add a source or a verification to a claim",
    description:
      "A new annotation starts as the caller's draft, visible to nobody else until submitted. A verification's rationale may mention people (`<@userId>` in text, or `mention` nodes); they are told when it is submitted, not while it is a draft.",
    tags: ["Annotations"],
    access: "session",
    params: ClaimIdParams,
    body: CreateAnnotationInput,
    responses: {
      201: { description: "The new draft.", schema: Annotation },
      404: { description: "No such claim." },
      422: { description: "The rationale document is not one the editor accepts, or it mentions someone who is not an enabled member of the desk." },
    },
  }),
  routeDoc({
    method: "get",
    path: "/api/annotations/{id}",
    summary: "Read an annotation",
    tags,
    access: "session",
    params: AnnotationIdParams,
    responses: {
      200: { description: "The annotation with its reviews and replies.", schema: Annotation },
      404: { description: "No such annotation, or someone else's draft." },
    },
  }),
  routeDoc({
    method: "patch",
    path: "/api/annotations/{id}",
    summary: "Edit one's own annotation",
    description:
      "Send the fields to change and the `version` you edited. A draft stays a draft; an edit of an annotation in review, approved or sent back sends it to review again as `submitted`. People a new rationale mentions are told at once when the annotation is past draft.",
    tags,
    access: "session",
    params: AnnotationIdParams,
    body: z.union([UpdateSourceInput, UpdateVerificationInput]),
    responses: {
      200: { description: "The annotation, at its next version.", schema: Annotation },
      403: { description: "Not the caller's annotation." },
      404: { description: "No such annotation, or someone else's draft." },
      409: { description: stale },
      422: { description: "The rationale document is not one the editor accepts, or it mentions someone who is not an enabled member of the desk." },
    },
  }),
  routeDoc({
    method: "delete",
    path: "/api/annotations/{id}",
    summary: "Delete one's own annotation",
    tags,
    access: "session",
    params: AnnotationIdParams,
    responses: {
      204: { description: "Deleted." },
      403: { description: "Not the caller's annotation." },
      404: { description: "No such annotation, or someone else's draft." },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/submit",
    summary: "Send one's own draft to review",
    description:
      "Optionally with the `version` the author saw, to refuse a stale click. The people a verification's rationale mentions are notified now, each once per annotation.",
    tags,
    access: "session",
    params: AnnotationIdParams,
    body: AnnotationTransitionInput,
    responses: {
      200: { description: "The annotation, submitted.", schema: Annotation },
      403: { description: "Not the caller's annotation." },
      404: { description: "No such annotation, or someone else's draft." },
      409: { description: `Already waiting for review or decided; or ${stale}` },
    },
  }),
  routeDoc({
    method: "post",
    path: "/api/annotations/{id}/withdraw",
    summary: "Take one's own submitted annotation back to draft",
    tags,
    access: "session",
    params: AnnotationIdParams,
    body: AnnotationTransitionInput,
    responses: {
      200: { description: "The annotation, a draft again.", schema: Annotation },
      403: { description: "Not the caller's annotation." },
      404: { description: "No such annotation, or someone else's draft." },
      409: { description: `Not submitted; or ${stale}` },
    },
  }),
];
