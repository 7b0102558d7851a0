"use client";

import { useId, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { api, ApiError } from "@/lib/api-client";
import type {
  AnnotationDTO,
  SourceAnnotationDTO,
  Stance,
  Verdict,
  VerificationAnnotationDTO,
} from "@/lib/claims/present";
import { STANCES, VERDICTS } from "@/lib/claims/present";
import { STANCE_LABELS, VERDICT_SCALE } from "@/lib/verdicts";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Alert } from "@/components/ui/alert";
import { RationaleEditor, type RationaleValue } from "@/components/claims/rationale-editor";
import { cn } from "@/lib/cn";

interface FormProps<T extends AnnotationDTO> {
  claimId: string;
  /** The annotation being edited; absent when adding one. */
  existing?: T;
  onSaved: (annotation: AnnotationDTO) => void;
  onCancel: () => void;
  /** Reloads the claim after a conflict, so the editor sees the newer version. */
  onReload: () => void;
}

/** Sends a create or an edit and sorts the failure into field errors, a message, or a conflict. */
function useAnnotationSubmit<T extends AnnotationDTO>({ claimId, existing, onSaved }: FormProps<T>) {
  // The version this edit started from. Live updates may hand the form a newer `existing`
  // meanwhile; saving must still name the version the author was looking at, so the server
  // can refuse it (409) instead of silently overwriting a colleague's change.
  const [baseVersion] = useState(existing?.version);
  const changedMeanwhile = existing !== undefined && baseVersion !== undefined && existing.version !== baseVersion;
  const [pending, setPending] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);

  async function submit(body: Record<string, unknown>) {
    setPending(true);
    setFields({});
    setError(null);
    setConflict(null);
    try {
      const saved = existing
        ? await api<AnnotationDTO>(`/api/annotations/${existing.id}`, {
            method: "PATCH",
            body: { ...body, version: baseVersion },
          })
        : await api<AnnotationDTO>(`/api/claims/${claimId}/annotations`, { method: "POST", body });
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "stale_version") {
        const current = caught.body.currentVersion;
        setConflict(typeof current === "number" ? current : (existing?.version ?? 0) + 1);
      } else if (caught instanceof ApiError && Object.keys(caught.fields).length > 0) {
        setFields(caught.fields);
      } else {
        setError(caught instanceof Error ? caught.message : "Could not save.");
      }
    } finally {
      setPending(false);
    }
  }
  return { pending, fields, error, conflict, submit, changedMeanwhile };
}

function FormMessages({
  error,
  conflict,
  changedMeanwhile,
  onReload,
}: {
  error: string | null;
  conflict: number | null;
  changedMeanwhile: boolean;
  onReload: () => void;
}) {
  if (conflict === null && changedMeanwhile) {
    return (
      <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
        <span>Someone saved a newer version while you were editing. Saving now will be refused; reload to see their change.</span>
        <Button size="sm" variant="secondary" onClick={onReload}>
          Reload
        </Button>
      </Alert>
    );
  }
  if (conflict !== null) {
    return (
      <Alert tone="danger" className="flex flex-wrap items-center justify-between gap-2">
        <span>Someone saved a newer version (version {conflict}) while you were editing. Your changes were not saved.</span>
        <Button size="sm" variant="secondary" onClick={onReload}>
          Reload
        </Button>
      </Alert>
    );
  }
  return error ? <Alert tone="danger">{error}</Alert> : null;
}

function FormActions({ pending, existing, onCancel }: { pending: boolean; existing: boolean; onCancel: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Saving…" : existing ? "Save changes" : "Save draft"}
      </Button>
    </div>
  );
}

/** Adds or edits a source: the evidence for or against a claim. */
export function SourceForm(props: FormProps<SourceAnnotationDTO>) {
  const { existing, onCancel, onReload } = props;
  const prefix = useId();
  const { pending, fields, error, conflict, submit, changedMeanwhile } = useAnnotationSubmit(props);
  const [stance, setStance] = useState<Stance>(existing?.stance ?? "supports");

  return (
    <form
      noValidate
      aria-label={existing ? "Edit source" : "Add source"}
      className="grid gap-3 rounded-lg border border-border bg-canvas/60 p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void submit({
          ...(existing ? {} : { kind: "source" }),
          url: String(form.get("url") ?? "").trim(),
          title: String(form.get("title") ?? "").trim(),
          publisher: String(form.get("publisher") ?? "").trim() || null,
          excerpt: String(form.get("excerpt") ?? "").trim() || null,
          stance,
        });
      }}
    >
      <FormMessages error={error} conflict={conflict} changedMeanwhile={changedMeanwhile} onReload={onReload} />
      <Field
        id={`${prefix}-url`}
        name="url"
        type="url"
        label="URL"
        placeholder="https://"
        defaultValue={existing?.url}
        error={fields.url}
        required
        autoFocus
      />
      <Field id={`${prefix}-title`} name="title" label="Title" defaultValue={existing?.title} error={fields.title} required />
      <Field
        id={`${prefix}-publisher`}
        name="publisher"
        label="Publisher"
        hint="Optional"
        defaultValue={existing?.publisher ?? ""}
        error={fields.publisher}
      />
      <div className="grid gap-1.5">
        <Label htmlFor={`${prefix}-excerpt`}>Excerpt</Label>
        <Textarea
          id={`${prefix}-excerpt`}
          name="excerpt"
          rows={3}
          defaultValue={existing?.excerpt ?? ""}
          aria-invalid={fields.excerpt ? true : undefined}
          placeholder="The passage of the source that bears on the claim (optional)"
        />
        {fields.excerpt ? <p className="text-xs font-medium text-danger">{fields.excerpt}</p> : null}
      </div>
      <fieldset className="grid gap-1.5">
        <legend className="mb-1.5 text-sm font-medium">Stance</legend>
        <div className="flex flex-wrap gap-2">
          {STANCES.map((value) => (
            <label
              key={value}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm",
                stance === value ? "border-accent bg-accent-soft text-accent" : "border-border-strong bg-surface",
              )}
            >
              <input
                type="radio"
                name="stance"
                value={value}
                checked={stance === value}
                onChange={() => setStance(value)}
                className="accent-[var(--color-accent)]"
              />
              {STANCE_LABELS[value]}
            </label>
          ))}
        </div>
        {fields.stance ? <p className="text-xs font-medium text-danger">{fields.stance}</p> : null}
      </fieldset>
      <FormActions pending={pending} existing={Boolean(existing)} onCancel={onCancel} />
    </form>
  );
}

/** Adds or edits a verdict with its rationale. */
export function VerificationForm(props: FormProps<VerificationAnnotationDTO>) {
  const { existing, onCancel, onReload } = props;
  const prefix = useId();
  const { pending, fields, error, conflict, submit, changedMeanwhile } = useAnnotationSubmit(props);
  const [verdict, setVerdict] = useState<Verdict | null>(existing?.verdict ?? null);
  const [rationale, setRationale] = useState<RationaleValue | null>(
    existing ? { doc: existing.rationale, text: existing.rationaleText } : null,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...fields, ...localErrors };

  return (
    <form
      noValidate
      aria-label={existing ? "Edit verdict" : "Add verdict"}
      className="grid gap-3 rounded-lg border border-border bg-canvas/60 p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const problems: Record<string, string> = {};
        if (!verdict) problems.verdict = "Choose a verdict.";
        if (!rationale || rationale.text.trim() === "") problems.rationale = "Explain the verdict.";
        setLocalErrors(problems);
        if (Object.keys(problems).length > 0 || !verdict || !rationale) return;
        void submit({ ...(existing ? {} : { kind: "verification" }), verdict, rationale: rationale.doc as JSONContent });
      }}
    >
      <FormMessages error={error} conflict={conflict} changedMeanwhile={changedMeanwhile} onReload={onReload} />
      <fieldset aria-describedby={errors.verdict ? `${prefix}-verdict-error` : undefined}>
        <legend className="mb-1.5 text-sm font-medium">Verdict</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {VERDICTS.map((value) => {
            const info = VERDICT_SCALE[value];
            const checked = verdict === value;
            return (
              <label
                key={value}
                title={info.definition}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1.5 text-sm",
                  checked ? "font-medium" : "border-border-strong bg-surface",
                )}
                style={checked ? { borderColor: info.color, backgroundColor: info.tint, color: info.color } : undefined}
              >
                <input
                  type="radio"
                  name="verdict"
                  value={value}
                  checked={checked}
                  onChange={() => setVerdict(value)}
                />
                {info.label}
              </label>
            );
          })}
        </div>
        {errors.verdict ? (
          <p id={`${prefix}-verdict-error`} className="mt-1 text-xs font-medium text-danger">
            {errors.verdict}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-1.5">
        <Label id={`${prefix}-rationale-label`} htmlFor={`${prefix}-rationale`}>
          Rationale
        </Label>
        <RationaleEditor
          id={`${prefix}-rationale`}
          labelledBy={`${prefix}-rationale-label`}
          initial={existing?.rationale ?? null}
          onChange={setRationale}
          invalid={Boolean(errors.rationale)}
          describedBy={errors.rationale ? `${prefix}-rationale-error` : undefined}
        />
        {errors.rationale ? (
          <p id={`${prefix}-rationale-error`} className="text-xs font-medium text-danger">
            {errors.rationale}
          </p>
        ) : null}
      </div>
      <FormActions pending={pending} existing={Boolean(existing)} onCancel={onCancel} />
    </form>
  );
}
