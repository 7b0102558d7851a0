/**
 * Email settings, read from the environment on every call (tests change them):
 *
 * `SMTP_URL` — the mail server that takes the desk's mail, as `smtp://user:pass@host:587`
 * (STARTTLS when the server offers it) or `smtps://user:pass@host:465` (TLS from the start).
 * Unset or empty: the desk sends no email, queues none and owes none.
 *
 * `FACTDESK_MAIL_FROM` — the sender, `Factdesk <desk@example.org>` or a bare address; default
 * `Factdesk <factdesk@HOST>` with HOST the host name of the public origin.
 */
import { publicOrigin } from "@/lib/settings";

export interface MailConfig {
  smtpUrl: string;
  from: string;
}

/** True when the desk sends email (`SMTP_URL` is set). */
export function mailEnabled(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/**
 * The mail settings, or null without `SMTP_URL`. A value that is not an smtp(s) URL throws,
 * naming the variable (never its password).
 */
export function mailConfig(): MailConfig | null {
  const raw = process.env.SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error("SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587.");
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//${url.host}).`);
  }
  const from = process.env.FACTDESK_MAIL_FROM?.trim() || `Factdesk <factdesk@${new URL(publicOrigin()).hostname}>`;
  return { smtpUrl: raw, from };
}

/** A line for the worker's log: whether and where mail goes, never the password. */
export function describeMail(): string {
  try {
    const config = mailConfig();
    if (!config) return "Email: off (SMTP_URL is not set).";
    const url = new URL(config.smtpUrl);
    return `Email: through ${url.protocol}//${url.host}, from ${config.from}.`;
  } catch (error) {
    return `Email: not sent, ${error instanceof Error ? error.message : String(error)}`;
  }
}
