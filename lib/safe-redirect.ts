/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/articles"): string {
  if (!value) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
