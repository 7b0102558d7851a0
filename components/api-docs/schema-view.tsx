/**
 * A JSON Schema of the API reference as people read it: each property with its type, whether
 * it is required, its limits and its description; named schemas link to their definition.
 */
import type { OpenApiSchema, OpenApiSchemaObject } from "@/lib/openapi/document";
import { InlineText } from "@/components/api-docs/inline-text";

type Schema = OpenApiSchema;

/** The schema as an object of keywords; null for a `$ref` or a boolean schema. */
function fieldsOf(schema: Schema): OpenApiSchemaObject | null {
  if (typeof schema === "boolean" || refName(schema)) return null;
  return "$ref" in schema && typeof schema.$ref === "string" ? null : (schema as OpenApiSchemaObject);
}

/** The name of a component schema a `$ref` points at. */
export function refName(schema: Schema): string | null {
  if (typeof schema === "boolean") return null;
  const ref = schema.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : null;
}

export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

/** A one-line type: `string`, `integer ≥ 1`, `array of Claim`, `"a" | "b"`, `string or null`. */
export function TypeLabel({ schema }: { schema: Schema }) {
  const name = refName(schema);
  if (name) {
    return (
      <a href={`#${schemaAnchor(name)}`} className="font-mono text-accent underline-offset-2 hover:underline">
        {name}
      </a>
    );
  }
  const s = fieldsOf(schema);
  if (!s) return <span className="font-mono">any</span>;
  if (s.const !== undefined) return <code className="font-mono">{JSON.stringify(s.const)}</code>;
  if (s.enum) return <code className="font-mono">{s.enum.map((value) => JSON.stringify(value)).join(" | ")}</code>;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    return (
      <>
        {variants.map((variant, index) => (
          <span key={index}>
            {index > 0 ? <span className="text-muted"> or </span> : null}
            <TypeLabel schema={variant} />
          </span>
        ))}
      </>
    );
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes("array") && s.items) {
    return (
      <>
        <span className="font-mono">array of </span>
        <TypeLabel schema={s.items} />
      </>
    );
  }
  const limits = [
    s.format,
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    // The largest integers accepted are guards against overflow, not limits worth reading.
    s.maximum !== undefined && s.maximum < 2_147_483_647 ? `≤ ${s.maximum.toLocaleString("en")}` : null,
    s.minLength !== undefined && s.minLength > 0 ? `${s.minLength}+ chars` : null,
    s.maxLength !== undefined ? `≤ ${s.maxLength.toLocaleString("en")} chars` : null,
  ].filter(Boolean);
  return (
    <span className="font-mono">
      {types.length > 0 ? types.join(" or ") : "any"}
      {limits.length > 0 ? <span className="text-muted"> ({limits.join(", ")})</span> : null}
    </span>
  );
}

function hasFields(schema: Schema): boolean {
  const s = fieldsOf(schema);
  if (!s) return false;
  return Boolean(s.properties && Object.keys(s.properties).length > 0) || Boolean((s.anyOf ?? s.oneOf)?.some(hasFields)) || Boolean(s.items && hasFields(s.items));
}

/** The fields of an object schema, nested objects indented; variants one after the other. */
export function SchemaView({ schema: input, depth = 0 }: { schema: Schema; depth?: number }) {
  const schema = fieldsOf(input);
  if (!schema || !hasFields(input) || depth > 6) {
    return (
      <p className="text-sm">
        <TypeLabel schema={input} />
        {schema?.description ? (
          <span className="text-muted">
            {" — "}
            <InlineText text={schema.description} />
          </span>
        ) : null}
      </p>
    );
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    return (
      <div className="grid gap-2">
        <p className="text-sm text-muted">One of:</p>
        {variants.map((variant, index) => (
          <div key={index} className="border-l-2 border-border pl-3">
            <SchemaView schema={variant} depth={depth + 1} />
          </div>
        ))}
      </div>
    );
  }
  if (schema.items && !schema.properties) {
    return (
      <div className="grid gap-1">
        <p className="text-sm font-mono">array of:</p>
        <div className="border-l-2 border-border pl-3">
          <SchemaView schema={schema.items} depth={depth + 1} />
        </div>
      </div>
    );
  }
  const required = new Set(schema.required ?? []);
  return (
    <ul className="grid gap-1.5 text-sm">
      {Object.entries(schema.properties ?? {}).map(([name, property]) => {
        const nested = hasFields(property);
        const description = fieldsOf(property)?.description;
        return (
          <li key={name} className="min-w-0">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
              <code className="font-mono font-semibold text-ink">{name}</code>
              {nested ? <span className="font-mono text-muted">object</span> : <TypeLabel schema={property} />}
              <span className={required.has(name) ? "text-xs font-medium text-warning" : "text-xs text-subtle"}>
                {required.has(name) ? "required" : "optional"}
              </span>
            </div>
            {description ? (
              <p className="text-muted">
                <InlineText text={description} />
              </p>
            ) : null}
            {nested ? (
              <div className="mt-1 border-l-2 border-border pl-3">
                <SchemaView schema={property} depth={depth + 1} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
