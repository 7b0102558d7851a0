"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface ConfirmDialogProps {
  title: string;
  children: React.ReactNode;
  /** The label of the confirming button, and its label while the action runs. */
  confirmLabel: string;
  pendingLabel: string;
  tone?: "danger" | "primary";
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * Asks before an action that is hard to take back. A native modal `<dialog>`: the browser
 * keeps focus inside, makes the page behind it inert and closes it on Escape. Cancel has focus
 * first, so pressing Enter right away does nothing harmful.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  pending,
  error,
  onCancel,
  onConfirm,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    element.querySelector<HTMLButtonElement>("[data-initial-focus]")?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-border bg-surface p-6 text-ink shadow-lg backdrop:bg-ink/40"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <div id={`${id}-description`} className="mt-2 grid gap-2 text-sm text-muted">
        {children}
      </div>
      {error ? (
        <Alert tone="danger" className="mt-4">
          {error}
        </Alert>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button data-initial-focus variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant={tone} onClick={onConfirm} disabled={pending}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}

/**
 * What a list needs to confirm an action on one of its items: the item asked about (null
 * while no dialog is open), the dialog's error, and focus put back once the modal has closed
 * (while it is open the page behind it is inert). `cancel` returns focus to the button that
 * opened the dialog, as a keyboard user expects; `done` moves it to `focusTo`, for when that
 * button is gone after the action.
 */
export function useConfirmation<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const focusAfter = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (target !== null || !focusAfter.current) return;
    focusAfter.current.focus();
    focusAfter.current = null;
  }, [target]);

  const close = (focusTo: HTMLElement | null) => {
    focusAfter.current = focusTo;
    setTarget(null);
  };
  return {
    target,
    error,
    setError,
    open(item: T, trigger: HTMLElement) {
      opener.current = trigger;
      setError(null);
      setTarget(item);
    },
    cancel: () => close(opener.current),
    done: close,
  };
}
