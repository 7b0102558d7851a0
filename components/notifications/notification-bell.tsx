"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bell } from "lucide-react";
import { api, ApiError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { notificationHref, type NotificationDTO, type NotificationPageDTO } from "@/lib/notifications/present";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * The bell in the site header: the unread count, kept current over the person's live stream
 * (`/api/notifications/events`), and the inbox as a dropdown. Opening a notification marks it
 * read and lands on its claim.
 */
export function NotificationBell() {
  const panelId = useId();
  const router = useRouter();
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<NotificationDTO[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const page = await api<NotificationPageDTO>("/api/notifications?limit=15");
      setItems(page.items);
      setUnread(page.unread);
      setError(null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not load notifications.");
    }
  }, []);

  useEffect(() => {
    const source = new EventSource("/api/notifications/events");
    const refresh = () => void load();
    source.addEventListener("ready", refresh);
    source.addEventListener("notification", refresh);
    source.addEventListener("resync", refresh);
    return () => source.close();
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function markRead(body: { ids: string[] } | { all: true }) {
    try {
      const result = await api<{ unread: number }>("/api/notifications/read", { method: "POST", body });
      setUnread(result.unread);
      const now = new Date().toISOString();
      setItems((current) => current?.map((item) => ("all" in body || body.ids.includes(item.id) ? { ...item, readAt: item.readAt ?? now } : item)) ?? null);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not mark as read.");
    }
  }

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        className="relative grid size-9 place-items-center rounded-md text-muted hover:bg-black/5 hover:text-ink focus-visible:outline-2 focus-visible:outline-focus"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
        onClick={() => {
          setOpen((current) => !current);
          if (!open) void load();
        }}
      >
        <Bell aria-hidden className="size-5" />
        {unread > 0 ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 min-w-4.5 rounded-full bg-danger px-1 text-center text-[11px] leading-4.5 font-semibold text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          className="fixed inset-x-2 top-14 z-30 grid max-h-[70vh] grid-rows-[auto_1fr] overflow-hidden rounded-lg border border-border bg-surface shadow-xl sm:absolute sm:inset-x-auto sm:top-11 sm:right-0 sm:w-96"
        >
          <div className="flex items-center justify-between border-b border-border px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <Button variant="ghost" size="sm" disabled={unread === 0} onClick={() => void markRead({ all: true })}>
              Mark all read
            </Button>
          </div>
          <div className="overflow-y-auto">
            {error ? <p className="px-3 py-4 text-sm text-danger">{error}</p> : null}
            {items === null && !error ? <p className="px-3 py-4 text-sm text-muted">Loading…</p> : null}
            {items?.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm text-muted">
                Nothing yet. Mentions, replies, reviews of your work and assignments show here.
              </p>
            ) : null}
            {items && items.length > 0 ? (
              <ul className="divide-y divide-border">
                {items.map((item) => (
                  <li key={item.id} className={cn("relative", item.readAt ? "" : "bg-accent-soft/40")}>
                    <Link
                      href={notificationHref(item.target)}
                      className="block px-3 py-2.5 pr-20 text-sm hover:bg-canvas"
                      onClick={() => {
                        setOpen(false);
                        if (!item.readAt) void markRead({ ids: [item.id] });
                        router.refresh();
                      }}
                    >
                      {item.readAt ? null : <span className="sr-only">Unread: </span>}
                      {item.kind === "due" ? null : (
                        <>
                          <span className="font-medium text-ink">{item.actor?.name ?? "Someone"}</span>{" "}
                        </>
                      )}
                      <span className="text-ink">{item.summary}</span>
                      <span className="mt-0.5 block text-xs text-muted">{formatDateTime(item.createdAt)}</span>
                    </Link>
                    {item.readAt ? null : (
                      <button
                        type="button"
                        className="absolute top-2 right-2 rounded px-1.5 py-0.5 text-xs text-accent hover:underline"
                        onClick={() => void markRead({ ids: [item.id] })}
                      >
                        Mark read
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
