/**
 * The HTTP response of an export: its bytes with their content type, a download file name, and
 * an ETag that is the sha256 of the bytes, so a client that has them gets 304 instead.
 */
import { sha256Hex } from "@/lib/versions/hash";
import type { RenderedExport } from "@/lib/exports";

/** Whether an If-None-Match header names `etag` (or `*`); weak and strong forms match alike. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const tag = candidate.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

/** `attachment; filename="…"` with an RFC 5987 `filename*` for names beyond ASCII. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** 200 with the export, or 304 when the client already has these bytes. */
export function exportResponse(request: Request, rendered: RenderedExport): Response {
  const bytes = new TextEncoder().encode(rendered.body);
  const etag = `"${sha256Hex(bytes)}"`;
  const headers = {
    etag,
    // Public and shareable, but checked each time: a changed public address changes the bytes.
    "cache-control": "public, no-cache",
    "x-content-type-options": "nosniff",
  };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(bytes, {
    status: 200,
    headers: {
      ...headers,
      "content-type": rendered.contentType,
      "content-disposition": contentDisposition(rendered.filename),
      "content-length": String(bytes.byteLength),
    },
  });
}
