/**
 * The HTTP response of an export: its bytes with their content type, a download file name, and
 * an ETag that is the sha256 of the bytes, so a client that has them gets 304 instead.
 */
import { sha256Hex } from "@/lib/versions/hash";
import type { RenderedExport } from "@/lib/exports";
import { snapshotUrl, type ExportContext } from "@/lib/exports/context";
import type { VersionSnapshot } from "@/lib/versions/snapshot";

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

/**
 * 200 with `body`, or 304 when the client already has these bytes (an ETag of their sha256).
 * `headers` go on both; `contentHeaders` only on the 200.
 */
function publicBytesResponse(request: Request, body: string, headers: Record<string, string>, contentHeaders: Record<string, string>): Response {
  const bytes = new TextEncoder().encode(body);
  const etag = `"${sha256Hex(bytes)}"`;
  const common = {
    etag,
    // Public and shareable, but checked each time: a changed public address changes the bytes.
    "cache-control": "public, no-cache",
    "x-content-type-options": "nosniff",
    ...headers,
  };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  return new Response(bytes, {
    status: 200,
    headers: { ...common, ...contentHeaders, "content-length": String(bytes.byteLength) },
  });
}

/** 200 with the export, or 304 when the client already has these bytes. */
export function exportResponse(request: Request, rendered: RenderedExport): Response {
  return publicBytesResponse(request, rendered.body, {}, {
    "content-type": rendered.contentType,
    "content-disposition": contentDisposition(rendered.filename),
  });
}

/**
 * A published version's text as `text/plain`, shown inline: the canonical text, byte for byte,
 * that the selectors of its W3C annotations describe. A `Link` header names the version's
 * page as the same content in HTML, and `Content-Language` the article's language.
 */
export function versionTextResponse(request: Request, snapshot: VersionSnapshot, context: ExportContext): Response {
  return publicBytesResponse(
    request,
    snapshot.revision.text,
    { link: `<${snapshotUrl(snapshot, context)}>; rel="alternate"; type="text/html"` },
    { "content-type": "text/plain; charset=utf-8", "content-language": snapshot.article.language ?? "en" },
  );
}
