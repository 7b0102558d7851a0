import { AppError } from "@/lib/errors";
import { publicRoute } from "@/lib/http/route";
import { getVersion } from "@/lib/versions/get-version";
import { parseVersionNumber } from "@/lib/versions/schemas";
import { EXPORT_FORMATS, isExportFormat, renderExport } from "@/lib/exports";
import { exportResponse } from "@/lib/exports/respond";
import { publicOrigin, publisherOrganization } from "@/lib/settings";

// GET /api/articles/:id/versions/:n/export?format=html|markdown|w3c|claimreview — a download
// of a published version; public. The same request always gets the same bytes (D5), with an
// ETag of their sha256; If-None-Match gets 304.
export const GET = publicRoute<{ id: string; n: string }>(async ({ request, params }) => {
  const format = new URL(request.url).searchParams.get("format");
  if (!isExportFormat(format)) {
    const message = `Choose a format: ${EXPORT_FORMATS.join(", ")}.`;
    throw new AppError("invalid_input", `format: ${message}`, { fields: { format: message } });
  }
  const version = await getVersion({ articleId: params.id, number: parseVersionNumber(params.n) });
  const baseUrl = publicOrigin();
  const rendered = renderExport(version.snapshot, format, { baseUrl, organization: publisherOrganization(baseUrl) });
  return exportResponse(request, rendered);
});
