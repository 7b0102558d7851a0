/** Shown while the user list loads. */
export default function Loading() {
  return (
    <div className="mx-auto grid w-full max-w-5xl gap-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-7 w-32 animate-pulse rounded bg-border" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-border/70" />
      <div className="h-80 animate-pulse rounded-lg bg-border/50" />
    </div>
  );
}
