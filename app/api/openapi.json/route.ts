import { publicRoute } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi/document";

// GET /api/openapi.json — the API reference as an OpenAPI 3.1 document; public, the same for everyone.
export const GET = publicRoute(async () => {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
  });
});
