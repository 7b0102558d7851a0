/** Shown while an article list or article loads. */
export default function Loading() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-48 animate-pulse rounded bg-border" />
      <div className="h-4 w-80 animate-pulse rounded bg-border/70" />
      <div className="h-64 animate-pulse rounded-lg bg-border/50" />
    </div>
  );
}
