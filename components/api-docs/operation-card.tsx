/** One operation of the API reference: method, path, who may call it, parameters, body, responses. */
import type { OpenApiOperation } from "@/lib/openapi/document";
import { Card } from "@/components/ui/card";
import { InlineText } from "@/components/api-docs/inline-text";
import { SchemaView, TypeLabel } from "@/components/api-docs/schema-view";
import { cn } from "@/lib/cn";

const METHOD_STYLE: Record<string, string> = {
  get: "bg-accent-soft text-accent",
  post: "bg-success-soft text-success",
  put: "bg-warning-soft text-warning",
  patch: "bg-warning-soft text-warning",
  delete: "bg-danger-soft text-danger",
};

const ACCESS_LABEL: Record<string, string> = {
  public: "Public",
  session: "Signed in",
  editor: "Editors",
  admin: "Administrators",
};

type Parameter = NonNullable<OpenApiOperation["parameters"]>[number];
type ParameterObject = Extract<Parameter, { in: unknown }>;
type Body = NonNullable<OpenApiOperation["requestBody"]>;
/** A response as the document holds it (the library types a status's entry loosely). */
interface ResponseView {
  $ref?: string;
  description?: string;
  content?: Record<string, Media>;
  headers?: Record<string, unknown>;
}

type Media = NonNullable<Extract<Body, { content: unknown }>["content"]>[string];

/** The schema of a media type, when it has one. */
function schemaOf(media: Media) {
  return "schema" in media ? media.schema : undefined;
}

function isParameter(parameter: Parameter): parameter is ParameterObject {
  return "in" in parameter;
}

function isBody(body: Body): body is Extract<Body, { content: unknown }> {
  return "content" in body;
}


export function operationAnchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "");
}

export function OperationCard({ method, path, operation }: { method: string; path: string; operation: OpenApiOperation }) {
  const access = String(operation["x-access"] ?? "");
  const parameters = (operation.parameters ?? []).filter(isParameter);
  const body = operation.requestBody && isBody(operation.requestBody) ? operation.requestBody : undefined;
  const anchor = operationAnchor(method, path);
  return (
    <Card id={anchor} className="grid min-w-0 gap-4 p-4 sm:p-5" aria-labelledby={`${anchor}-title`}>
      <div className="grid gap-1.5">
        <h3 id={`${anchor}-title`} className="flex min-w-0 flex-wrap items-center gap-2 font-mono text-sm">
          <span className={cn("rounded px-1.5 py-0.5 text-xs font-semibold uppercase", METHOD_STYLE[method])}>{method}</span>
          <span className="min-w-0 break-all font-semibold text-ink">{path}</span>
        </h3>
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="font-medium">{operation.summary}</p>
          <span className="rounded-full border border-border px-2 py-0.5 text-xs text-muted" title="Who may call it">
            {ACCESS_LABEL[access] ?? access}
          </span>
        </div>
        {operation.description
          ? operation.description.split("\n\n").map((paragraph, index) => (
              <p key={index} className="text-sm text-muted">
                <InlineText text={paragraph} />
              </p>
            ))
          : null}
      </div>

      {parameters.length > 0 ? (
        <section className="grid gap-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-subtle">Parameters</h4>
          <ul className="grid gap-1.5 text-sm">
            {parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                <code className="font-mono font-semibold">{parameter.name}</code>
                <span className="text-xs text-subtle">in {parameter.in}</span>
                {parameter.schema ? <TypeLabel schema={parameter.schema} /> : null}
                <span className={parameter.required ? "text-xs font-medium text-warning" : "text-xs text-subtle"}>
                  {parameter.required ? "required" : "optional"}
                </span>
                {parameter.description ? (
                  <span className="basis-full text-muted">
                    <InlineText text={parameter.description} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {body ? (
        <section className="grid gap-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-subtle">Request body</h4>
          {Object.entries(body.content).map(([type, media]) => (
            <div key={type} className="grid gap-2">
              <p className="font-mono text-xs text-muted">{type}</p>
              {schemaOf(media) ? <SchemaView schema={schemaOf(media)!} /> : null}
            </div>
          ))}
        </section>
      ) : null}

      <section className="grid gap-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-subtle">Responses</h4>
        <dl className="grid gap-3">
          {Object.entries(operation.responses ?? {}).map(([status, response]) => {
            const answer: ResponseView = response;
            if (answer.$ref) return null;
            const content = Object.entries(answer.content ?? {});
            const isError = Number(status) >= 400;
            return (
              <div key={status} className="grid min-w-0 gap-1 sm:grid-cols-[4rem_1fr] sm:gap-3">
                <dt className={cn("font-mono text-sm font-semibold", isError ? "text-danger" : "text-success")}>{status}</dt>
                <dd className="grid min-w-0 gap-1.5 text-sm">
                  <p>
                    <InlineText text={answer.description ?? ""} />
                  </p>
                  {isError ? (
                    <p className="text-xs text-muted">
                      Body: the <a href="#errors" className="text-accent underline-offset-2 hover:underline">error shape</a>.
                    </p>
                  ) : (
                    content.map(([type, media]) => (
                      <div key={type} className="grid gap-1.5">
                        <p className="font-mono text-xs text-muted">{type}</p>
                        {schemaOf(media) ? <SchemaView schema={schemaOf(media)!} /> : null}
                      </div>
                    ))
                  )}
                  {answer.headers && Object.keys(answer.headers).length > 0 ? (
                    <p className="text-xs text-muted">Headers: {Object.keys(answer.headers).join(", ")}</p>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
    </Card>
  );
}
