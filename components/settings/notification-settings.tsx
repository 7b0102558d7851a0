"use client";

import { useState } from "react";
import { api, ApiError } from "@/lib/api-client";
import { EMAIL_MODES, NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type EmailMode } from "@/lib/notifications/kinds";
import type { NotificationSettingsDTO } from "@/lib/notifications/present";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";

const EMAIL_MODE_LABELS: Record<EmailMode, { label: string; hint: string }> = {
  immediate: { label: "Immediately", hint: "One email per notification, as it happens." },
  hourly: { label: "Hourly digest", hint: "One email at the full hour with everything since the last one." },
  off: { label: "Off", hint: "The bell only." },
};

/**
 * The "Notifications" section: each kind on or off, and how they come by email. `email` is
 * the account's address; `mailConfigured` says whether this desk sends email at all.
 */
export function NotificationSettings({
  initial,
  email,
  mailConfigured,
}: {
  initial: NotificationSettingsDTO;
  email: string;
  mailConfigured: boolean;
}) {
  const [settings, setSettings] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const changed = settings.email !== saved.email || NOTIFICATION_KINDS.some((kind) => settings.kinds[kind] !== saved.kinds[kind]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const result = await api<NotificationSettingsDTO>("/api/account/notification-settings", { method: "PUT", body: settings });
      setSettings(result);
      setSaved(result);
      setMessage({ tone: "success", text: "Saved." });
    } catch (caught) {
      setMessage({ tone: "danger", text: caught instanceof ApiError ? caught.message : "Could not save your settings." });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="notifications-heading">
      <Card className="grid gap-4 p-6">
        <div>
          <h2 id="notifications-heading" className="text-base font-semibold">
            Notifications
          </h2>
          <p className="mt-1 text-sm text-muted">What the bell in the header tells you about, and whether by email too. Your own actions never notify you.</p>
        </div>
        <form className="grid gap-3" onSubmit={(event) => void save(event)}>
          <fieldset className="grid gap-2">
            <legend className="sr-only">Notify me when</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 accent-accent"
                  checked={settings.kinds[kind]}
                  onChange={(event) => setSettings((current) => ({ ...current, kinds: { ...current.kinds, [kind]: event.target.checked } }))}
                />
                {NOTIFICATION_KIND_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          <fieldset className="grid gap-2 border-t border-border pt-3" aria-describedby="email-mode-note">
            <legend className="pt-1 text-sm font-medium">Email</legend>
            <p id="email-mode-note" className="text-sm text-muted">
              {mailConfigured
                ? `The same notifications, sent to ${email}.`
                : "This desk sends no email yet: your choice applies once an administrator sets up a mail server."}
            </p>
            {EMAIL_MODES.map((mode) => (
              <label key={mode} className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  name="email-mode"
                  value={mode}
                  className="mt-0.5 size-4 shrink-0 accent-accent"
                  checked={settings.email === mode}
                  onChange={() => setSettings((current) => ({ ...current, email: mode }))}
                />
                <span>
                  {EMAIL_MODE_LABELS[mode].label}
                  <span className="text-muted"> — {EMAIL_MODE_LABELS[mode].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="flex items-center gap-3">
            <Button type="submit" variant="secondary" size="sm" disabled={pending || !changed}>
              {pending ? "Saving…" : "Save notification settings"}
            </Button>
            {message ? (
              <Alert tone={message.tone} className="py-1">
                {message.text}
              </Alert>
            ) : null}
          </div>
        </form>
      </Card>
    </section>
  );
}
