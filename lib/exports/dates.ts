/**
 * Dates as the exports write them, spelled out by hand in UTC rather than through Intl, whose
 * output (spaces, abbreviations) can change with the ICU data of the Node.js build: an export
 * must come out byte for byte the same wherever it is made (D5).
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27 Feb 2024" (UTC); the input unchanged when it is not a date. */
export function utcDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "27 Feb 2024, 14:03 UTC". */
export function utcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${utcDate(iso)}, ${hh}:${mm} UTC`;
}
