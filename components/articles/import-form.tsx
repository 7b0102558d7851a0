"use client";

import { useId, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Eye, FileUp, Globe, Import } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import type { ArticleDTO } from "@/lib/articles/present";
import type { ArticlePreviewDTO } from "@/lib/articles/preview-article";
import { plural } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { LANGUAGE_CODES, LANGUAGES } from "@/lib/articles/languages";
import { Textarea } from "@/components/ui/textarea";
import { Alert } from "@/components/ui/alert";
import { ArticleDocument } from "@/components/articles/article-document";
import { cn } from "@/lib/cn";

type Mode = "text" | "html" | "file" | "url";

const MODES: Array<{ value: Mode; label: string }> = [
  { value: "text", label: "Paste text" },
  { value: "html", label: "Paste HTML" },
  { value: "file", label: "Upload file" },
  { value: "url", label: "From the web" },
];

/** Mirrors MAX_IMPORT_FILE_BYTES (lib/articles/import/read-import-file.ts); the server decides. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.docx";

interface ChosenFile {
  name: string;
  size: number;
  contentBase64: string;
  /** Changes when another file (or the same one again) is chosen. */
  stamp: string;
}

interface Metadata {
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  /** "" = detect from the text. */
  language: string;
}

/** The file's bytes as base64, read by the browser (the API takes JSON only). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en")} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

const ORIGINS: Record<ArticlePreviewDTO["origin"], string> = {
  text: "pasted text",
  html: "pasted HTML",
  doc: "a document",
  url: "the web page",
  "file:txt": "a text file",
  "file:md": "a Markdown file",
  "file:html": "an HTML file",
  "file:docx": "a Word file",
};

/**
 * The import form: details, the text (pasted or a file), a preview of exactly what will be
 * stored (`POST /api/articles/preview`), then the import itself (`POST /api/articles`).
 */
export function ImportForm() {
  const id = useId();
  const router = useRouter();
  const [meta, setMeta] = useState<Metadata>({ title: "", outlet: "", author: "", url: "", publishedAt: "", language: "" });
  const [mode, setMode] = useState<Mode>("file");
  const [text, setText] = useState("");
  const [html, setHtml] = useState("");
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<{ key: string; data: ArticlePreviewDTO } | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | "file" | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  // What the preview was made from: a preview of anything else is out of date.
  const sourceKey = useMemo(
    () => JSON.stringify([mode, mode === "text" ? text : mode === "html" ? html : (file?.stamp ?? ""), meta.url]),
    [mode, text, html, file, meta.url],
  );
  const current = preview && preview.key === sourceKey ? preview.data : null;

  function source(): Record<string, unknown> | null {
    if (mode === "url") return meta.url.trim() ? { url: meta.url.trim() } : null;
    if (mode === "text") return text.trim() ? { text } : null;
    if (mode === "html") return html.trim() ? { html } : null;
    return file ? { file: { name: file.name, contentBase64: file.contentBase64 } } : null;
  }

  function details(): Record<string, unknown> {
    return {
      title: meta.title,
      outlet: meta.outlet,
      author: meta.author,
      url: meta.url,
      publishedAt: meta.publishedAt === "" ? null : meta.publishedAt,
      language: meta.language === "" ? null : meta.language,
    };
  }

  function fail(caught: unknown, fallback: string) {
    if (caught instanceof ApiError) {
      setFields(caught.fields);
      setError(caught.message);
    } else {
      setError(fallback);
    }
  }

  async function chooseFile(chosen: File | undefined) {
    setError(null);
    setFields({});
    if (!chosen) {
      setFile(null);
      return;
    }
    if (chosen.size > MAX_FILE_BYTES) {
      setFile(null);
      setFields({ file: `The file is ${fileSize(chosen.size)}; at most 2 MB can be imported.` });
      return;
    }
    setBusy("file");
    try {
      const contentBase64 = await readBase64(chosen);
      setFile({ name: chosen.name, size: chosen.size, contentBase64, stamp: `${chosen.name}:${chosen.size}:${chosen.lastModified}:${Date.now()}` });
    } catch {
      setFields({ file: "The file could not be read." });
    } finally {
      setBusy(null);
    }
  }

  async function runPreview() {
    const body = source();
    setError(null);
    setFields({});
    if (!body) {
      setFields(
        mode === "url"
          ? { url: "Enter the article's address." }
          : { [mode]: mode === "file" ? "Choose a file to import." : "Paste the article first." },
      );
      return;
    }
    setBusy("preview");
    try {
      const data = await api<ArticlePreviewDTO>("/api/articles/preview", { method: "POST", body: mode === "url" ? body : { ...body, url: meta.url } });
      setPreview({ key: sourceKey, data });
      const page = data.page;
      setMeta((value) => ({
        ...value,
        title: value.title.trim() ? value.title : (data.suggestedTitle ?? ""),
        ...(page
          ? {
              outlet: value.outlet.trim() ? value.outlet : (page.outlet ?? ""),
              author: value.author.trim() ? value.author : (page.author ?? ""),
              publishedAt: value.publishedAt ? value.publishedAt : (page.publishedAt?.slice(0, 10) ?? ""),
            }
          : {}),
      }));
    } catch (caught) {
      setPreview(null);
      fail(caught, "Could not prepare the preview.");
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    const body = source();
    if (!body || !current) return;
    setError(null);
    setFields({});
    setBusy("import");
    try {
      // From a URL, the document previewed is what is stored: the page is not fetched again.
      const content = mode === "url" ? { doc: current.doc, url: current.page?.url ?? meta.url } : body;
      const article = await api<ArticleDTO>("/api/articles", { method: "POST", body: { ...details(), ...content } });
      router.push(`/articles/${article.id}`);
    } catch (caught) {
      fail(caught, "Could not import the article.");
      setBusy(null);
    }
  }

  const set = (key: keyof Metadata) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setMeta({ ...meta, [key]: event.target.value });
  const sourceError = mode === "url" ? fields.url : (fields[mode] ?? fields.text ?? fields.html ?? fields.file ?? fields.doc);

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <form
        aria-label="Import article"
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void runPreview();
        }}
      >
        <Card className="grid gap-4 p-5">
          <h2 className="text-sm font-semibold">Details</h2>
          <Field
            id={`${id}-title`}
            label="Title"
            hint="Needed to import; the preview suggests the first heading."
            value={meta.title}
            onChange={set("title")}
            error={fields.title}
            maxLength={300}
            aria-required="true"
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-outlet`} label="Outlet" value={meta.outlet} onChange={set("outlet")} error={fields.outlet} maxLength={200} />
            <Field id={`${id}-author`} label="Author" value={meta.author} onChange={set("author")} error={fields.author} maxLength={200} />
          </div>
          {mode === "url" ? null : (
            <Field
              id={`${id}-url`}
              label="URL"
              type="url"
              inputMode="url"
              placeholder="https://"
              hint="Where the article was published; relative links in HTML resolve against it."
              value={meta.url}
              onChange={set("url")}
              error={fields.url}
            />
          )}
          <Field
            id={`${id}-date`}
            label="Publication date"
            type="date"
            value={meta.publishedAt}
            onChange={set("publishedAt")}
            error={fields.publishedAt}
          />
          <div className="grid gap-1.5">
            <Label htmlFor={`${id}-language`}>Language</Label>
            <Select
              id={`${id}-language`}
              value={meta.language}
              onChange={set("language")}
              aria-describedby={`${id}-language-hint`}
              aria-invalid={fields.language ? true : undefined}
            >
              <option value="">Detect from the text</option>
              {LANGUAGE_CODES.map((code) => (
                <option key={code} value={code}>
                  {LANGUAGES[code].name}
                </option>
              ))}
            </Select>
            <p id={`${id}-language-hint`} className={fields.language ? "text-xs font-medium text-danger" : "text-xs text-muted"}>
              {fields.language ?? "Search matches word forms in this language; English when it cannot be told."}
            </p>
          </div>
        </Card>

        <Card className="grid gap-4 p-5">
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-semibold">Text</legend>
            <div role="radiogroup" aria-label="Where the text comes from" className="grid grid-cols-2 gap-1 rounded-md bg-canvas p-1">
              {MODES.map((option) => (
                <label
                  key={option.value}
                  className={cn(
                    "cursor-pointer rounded px-2 py-1.5 text-center text-sm font-medium text-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus",
                    mode === option.value && "bg-surface text-ink shadow-xs",
                  )}
                >
                  <input
                    type="radio"
                    name={`${id}-mode`}
                    value={option.value}
                    checked={mode === option.value}
                    onChange={() => {
                      setMode(option.value);
                      setFields({});
                      setError(null);
                    }}
                    className="sr-only"
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>

          {mode === "url" ? (
            <Field
              id={`${id}-page-url`}
              label="Article address"
              type="url"
              inputMode="url"
              placeholder="https://"
              hint="Factdesk fetches the page and keeps the article's text: no menus, banners, related links or comments."
              value={meta.url}
              onChange={set("url")}
              error={fields.url}
              aria-required="true"
            />
          ) : mode === "file" ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-file`}>File</Label>
              <input
                id={`${id}-file`}
                type="file"
                accept={ACCEPT}
                aria-invalid={fields.file ? true : undefined}
                aria-describedby={`${id}-file-hint`}
                onChange={(event) => void chooseFile(event.target.files?.[0])}
                className="block w-full text-sm text-muted file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-ink hover:file:bg-canvas"
              />
              <p id={`${id}-file-hint`} className="text-xs text-muted">
                .txt, .md, .html or .docx (Word), up to 2 MB.
                {file ? ` Chosen: ${file.name} (${fileSize(file.size)}).` : ""}
              </p>
            </div>
          ) : (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-${mode}`}>{mode === "text" ? "Article text" : "Article HTML"}</Label>
              <Textarea
                id={`${id}-${mode}`}
                rows={12}
                value={mode === "text" ? text : html}
                onChange={(event) => (mode === "text" ? setText(event.target.value) : setHtml(event.target.value))}
                aria-invalid={sourceError ? true : undefined}
                aria-describedby={`${id}-${mode}-hint`}
                className={mode === "html" ? "font-mono text-xs" : "font-serif"}
                placeholder={mode === "text" ? "Paste the article. A blank line starts a new paragraph." : "<p>Paste the article's HTML…</p>"}
              />
              <p id={`${id}-${mode}-hint`} className="text-xs text-muted">
                {mode === "text"
                  ? "Blank lines separate paragraphs; a single line break stays a line break."
                  : "Paragraphs, headings, quotes, lists, links, bold and italic are kept; everything else is dropped."}
              </p>
            </div>
          )}
          {sourceError && mode !== "url" ? <p className="text-xs font-medium text-danger">{sourceError}</p> : null}
        </Card>

        {error && !sourceError ? <Alert tone="danger">{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="submit" variant={current ? "secondary" : "primary"} disabled={busy !== null}>
            <Eye aria-hidden />{" "}
            {busy === "preview" ? (mode === "url" ? "Fetching the page…" : "Preparing preview…") : current ? "Preview again" : "Preview"}
          </Button>
        </div>
      </form>

      <section aria-labelledby={`${id}-preview-heading`} className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={`${id}-preview-heading`} className="text-sm font-semibold">
            Preview
          </h2>
          {current ? (
            <span className="text-xs text-muted" data-testid="preview-stats">
              {plural(current.blocks, "paragraph or heading", "paragraphs and headings")} · {plural(current.characters, "character")} · from {ORIGINS[current.origin]}
            </span>
          ) : null}
        </div>
        {current ? (
          <>
            {current.warnings.length > 0 ? (
              <Alert tone="info">
                <p className="font-medium">Left out</p>
                <ul className="mt-1 list-disc pl-5">
                  {current.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <Card className="max-h-[60vh] overflow-y-auto px-6 py-2 sm:px-8">
              <ArticleDocument doc={current.doc} data-testid="import-preview" />
            </Card>
            <div className="flex items-center justify-end gap-3">
              <p className="text-xs text-muted">This is exactly what will be stored as revision 1.</p>
              <Button onClick={() => void runImport()} disabled={busy !== null || !meta.title.trim()}>
                <Import aria-hidden /> {busy === "import" ? "Importing…" : "Import article"}
              </Button>
            </div>
            {!meta.title.trim() ? <p className="text-right text-xs text-danger">Enter a title to import.</p> : null}
          </>
        ) : (
          <Card className="grid place-items-center gap-2 border-dashed p-10 text-center text-sm text-muted">
            {mode === "url" ? <Globe aria-hidden className="size-6 text-subtle" /> : <FileUp aria-hidden className="size-6 text-subtle" />}
            <p>
              {preview
                ? "The text changed since the last preview. Preview again to see what will be stored."
                : mode === "url"
                  ? "Enter the article's address, then Preview: you see exactly what will be stored before you import it."
                  : "Choose the text, then Preview: you see exactly what will be stored before you import it."}
            </p>
          </Card>
        )}
      </section>
    </div>
  );
}
