/** This reference itself. */
import { routeDoc, type RouteDoc } from "@/lib/openapi/route-doc";
import { OpenApiObjectSchema } from "@/lib/openapi/openapi-object";

export const routes: RouteDoc[] = [
  routeDoc({
    method: "get",
    path: "/api/openapi.json",
    summary: "This API reference as an OpenAPI 3.1 document",
    description: "Generated from the code's own schemas; the readable form is the page `/api-docs`.",
    tags: ["Reference"],
    access: "public",
    responses: { 200: { description: "The OpenAPI document.", schema: OpenApiObjectSchema } },
  }),
];
