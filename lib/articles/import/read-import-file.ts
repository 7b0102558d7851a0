/**
 * An uploaded file → text or HTML for the import paths: `.txt` is plain text, `.md` becomes
 * HTML through `marked`, `.html` is HTML, `.docx` becomes HTML through `mammoth`. Every HTML
 * result then goes through the one sanitizing path (html-to-document.ts), so a Markdown file
 * with inline `<script>` or a Word file with odd fields is held to the same rules as pasted HTML.
 *
 * Server only.
 */
import mammoth from "mammoth";
import JSZip from "jszip";
import { marked } from "marked";
import { AppError } from "@/lib/errors";

/** Largest file accepted, in bytes. */
export const MAX_IMPORT_FILE_BYTES = 2 * 1024 * 1024;

/** Most bytes a .docx may unpack to: a Word file of 2 MB is mostly images, its text far less. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** The file types an article can be imported from, by extension. */
export const IMPORT_FILE_TYPES = ["txt", "md", "html", "docx"] as const;
export type ImportFileType = (typeof IMPORT_FILE_TYPES)[number];

const EXTENSIONS: Record<string, ImportFileType> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
  docx: "docx",
};

/** What a file holds, for the import paths. */
export type ImportedContent =
  | { kind: "text"; text: string; fileType: ImportFileType; warnings: string[] }
  | { kind: "html"; html: string; fileType: ImportFileType; warnings: string[] };

/** The type of a file by its name; 415 for anything else. */
export function importFileType(name: string): ImportFileType {
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? "";
  const type = EXTENSIONS[extension];
  if (!type) {
    throw new AppError("unsupported_media_type", "Upload a .txt, .md, .html or .docx file.", {
      fields: { file: "Upload a .txt, .md, .html or .docx file." },
    });
  }
  return type;
}

/** Reads an uploaded file into text or HTML; 413 when too large, 415 for other types, 422 when unreadable. */
export async function readImportFile(file: { name: string; bytes: Uint8Array }): Promise<ImportedContent> {
  const fileType = importFileType(file.name);
  if (file.bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    throw new AppError("payload_too_large", `The file is ${megabytes(file.bytes.byteLength)}; at most ${megabytes(MAX_IMPORT_FILE_BYTES)} can be imported.`, {
      fields: { file: "The file is too large." },
    });
  }
  if (file.bytes.byteLength === 0) throw unreadable("The file is empty.");
  switch (fileType) {
    case "txt":
      return { kind: "text", text: decodeText(file.bytes), fileType, warnings: [] };
    case "html":
      return { kind: "html", html: decodeText(file.bytes), fileType, warnings: [] };
    case "md":
      return { kind: "html", html: await marked.parse(decodeText(file.bytes), { gfm: true, async: true }), fileType, warnings: [] };
    case "docx":
      return { kind: "html", ...(await readDocx(file.bytes)), fileType };
  }
}

/** UTF-8 (with or without a byte-order mark), else Windows-1252, as most older text files are. */
function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw unreadable("The file is not a text file (it holds binary data).");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

async function readDocx(bytes: Uint8Array): Promise<{ html: string; warnings: string[] }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A .docx is a zip: check what it unpacks to before mammoth inflates it in memory, so a
  // small file cannot unpack to gigabytes.
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw unreadable("The file is not a Word (.docx) document.");
  }
  let unpacked = 0;
  for (const entry of Object.values(zip.files)) unpacked += declaredSize(entry);
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new AppError("payload_too_large", `The Word document unpacks to more than ${megabytes(MAX_DOCX_UNPACKED_BYTES)}.`, {
      fields: { file: "The file is too large." },
    });
  }
  if (!zip.file("word/document.xml")) throw unreadable("The file is not a Word (.docx) document.");
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        // Images are not part of an article's text: skip reading them at all.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
        // Added to mammoth's default map, which knows headings but not a document's title.
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
      },
    );
    const warnings = [...new Set(result.messages.map((message) => message.message))].slice(0, 10);
    return { html: result.value, warnings };
  } catch {
    throw unreadable("The Word document could not be read.");
  }
}

/** The uncompressed size a zip entry declares (JSZip keeps it from the central directory). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

function unreadable(message: string): AppError {
  return new AppError("unprocessable", message, { fields: { file: message } });
}
