import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument, type OpenApiDocument, type OpenApiOperation } from "@/lib/openapi/document";
import { SESSION_COOKIE } from "@/lib/openapi/session-cookie";
import { Card } from "@/components/ui/card";
import { InlineText } from "@/components/api-docs/inline-text";
import { OperationCard, operationAnchor } from "@/components/api-docs/operation-card";
import { SchemaView, schemaAnchor } from "@/components/api-docs/schema-view";

export const metadata: Metadata = {
  title: "API reference",
  description: "The HTTP API of Factdesk: every route, who may call it, its parameters, body and answers.",
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Entry {
  method: string;
  path: string;
  operation: OpenApiOperation;
}

/** Operations by tag, in the document's tag order; paths in the order the areas list them. */
function byTag(document: OpenApiDocument): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>((document.tags ?? []).map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push({ method, path, operation });
    }
  }
  return [...groups.entries()].filter(([, entries]) => entries.length > 0);
}

function tagAnchor(tag: string): string {
  return `tag-${tag.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}`;
}

/**
 * The readable API reference: rendered on the server from the same OpenAPI document that
 * `GET /api/openapi.json` serves, with the app's own components; no script of its own.
 */
export default function ApiReferencePage() {
  const document = openApiDocument();
  const groups = byTag(document);
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const errorSchema = document.components?.schemas?.Error;
  return (
    <div className="mx-auto grid w-full max-w-4xl gap-8">
      <header className="grid gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        {(document.info.description ?? "").split("\n\n").map((paragraph, index) => (
          <p key={index} className="text-sm text-muted">
            <InlineText text={paragraph} />
          </p>
        ))}
        <p className="text-sm">
          The same reference as an OpenAPI 3.1 document, for tools and code generators:{" "}
          <a href="/api/openapi.json" className="font-mono text-accent underline-offset-2 hover:underline">
            /api/openapi.json
          </a>
          .
        </p>
      </header>

      <nav aria-label="API areas" className="grid gap-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-subtle">Areas</h2>
        <ul className="flex flex-wrap gap-2 text-sm">
          {["Authentication", "Errors", ...groups.map(([tag]) => tag), "Schemas"].map((name) => (
            <li key={name}>
              <a
                href={`#${name === "Authentication" ? "authentication" : name === "Errors" ? "errors" : name === "Schemas" ? "schemas" : tagAnchor(name)}`}
                className="inline-block rounded-md border border-border bg-surface px-2.5 py-1 text-ink hover:border-border-strong"
              >
                {name}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="authentication" aria-labelledby="authentication-title" className="grid gap-3">
        <h2 id="authentication-title" className="text-lg font-semibold">Authentication</h2>
        <Card className="grid gap-3 p-4 text-sm sm:p-5">
          <p>
            <strong>Session cookie</strong> (<code className="font-mono">{SESSION_COOKIE}</code>): what a browser sends after
            signing in. Requests that change data must come from this site, as <code className="font-mono">application/json</code>.
          </p>
          <p>
            <strong>Personal access token</strong>: <code className="font-mono">Authorization: Bearer fd_…</code>. Create one on
            your <Link href="/settings" className="text-accent underline-offset-2 hover:underline">settings page</Link>; it acts as
            you, with your role. Changing your password, signing out everywhere and creating tokens need the browser session.
          </p>
          <p className="text-muted">Routes marked Public need neither.</p>
        </Card>
      </section>

      <section id="errors" aria-labelledby="errors-title" className="grid gap-3">
        <h2 id="errors-title" className="text-lg font-semibold">Errors</h2>
        <Card className="grid gap-3 p-4 sm:p-5">
          <p className="text-sm text-muted">
            Every answer with a status of 400 or more has this body; <code className="font-mono">code</code> is stable, the
            message is for people.
          </p>
          {errorSchema ? <SchemaView schema={errorSchema} /> : null}
        </Card>
      </section>

      {groups.map(([tag, entries]) => (
        <section key={tag} id={tagAnchor(tag)} aria-labelledby={`${tagAnchor(tag)}-title`} className="grid gap-3">
          <h2 id={`${tagAnchor(tag)}-title`} className="text-lg font-semibold">{tag}</h2>
          <ul className="grid gap-1 text-sm">
            {entries.map(({ method, path, operation }) => (
              <li key={`${method} ${path}`} className="min-w-0 break-words">
                <a href={`#${operationAnchor(method, path)}`} className="text-accent underline-offset-2 hover:underline">
                  <span className="font-mono text-xs uppercase">{method}</span> <span className="font-mono">{path}</span>
                </a>{" "}
                <span className="text-muted">— {operation.summary}</span>
              </li>
            ))}
          </ul>
          <div className="grid gap-4">
            {entries.map(({ method, path, operation }) => (
              <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
            ))}
          </div>
        </section>
      ))}

      <section id="schemas" aria-labelledby="schemas-title" className="grid gap-3">
        <h2 id="schemas-title" className="text-lg font-semibold">Schemas</h2>
        <div className="grid gap-4">
          {schemas.map(([name, schema]) => (
            <Card key={name} id={schemaAnchor(name)} className="grid min-w-0 gap-2 p-4 sm:p-5">
              <h3 className="font-mono text-sm font-semibold">{name}</h3>
              <SchemaView schema={schema} />
            </Card>
          ))}
        </div>
      </section>
    </div>
  );
}
