/**
 * The WARC/1.1 `response` record of a fetched page (warcio): its status line, headers and body,
 * with sha256 block and payload digests, as web archives store pages.
 */
import crypto from "node:crypto";
import { WARCRecord, WARCSerializer } from "warcio";
import type { FetchedPage } from "@/lib/net/safe-fetch";

export interface WarcResult {
  record: Buffer;
  /** sha256 of the body, hex. */
  sha256: string;
}

export async function warcResponseRecord(page: FetchedPage): Promise<WarcResult> {
  const statusline = `HTTP/${page.httpVersion} ${page.status}${page.statusText ? ` ${page.statusText}` : ""}`;
  const record = WARCRecord.create(
    {
      url: page.url,
      date: page.fetchedAt.toISOString(),
      type: "response",
      warcVersion: "WARC/1.1",
      statusline,
      httpHeaders: page.headers,
      keepHeadersCase: true,
      warcHeaders: page.remoteAddress ? { "WARC-IP-Address": page.remoteAddress } : {},
    },
    [new Uint8Array(page.body)],
  );
  const bytes = await WARCSerializer.serialize(record, { gzip: false, digest: { algo: "sha-256", prefix: "sha256:", base32: false } });
  return { record: Buffer.from(bytes), sha256: crypto.createHash("sha256").update(page.body).digest("hex") };
}
