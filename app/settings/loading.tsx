/** Shown while the settings page loads. */
export default function Loading() {
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-40 animate-pulse rounded bg-border" />
      <div className="h-32 animate-pulse rounded-lg bg-border/50" />
      <div className="h-72 animate-pulse rounded-lg bg-border/50" />
    </div>
  );
}
