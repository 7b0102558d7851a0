"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu, X } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** A place the header links to. */
export interface HeaderDestination {
  href: string;
  label: string;
  /** Drawn after the label, inside the link (a count of waiting items); part of the link's name. */
  badge?: ReactNode;
  /** Something waiting there ("3 reviews waiting"): a dot on the closed menu button says so on phones. */
  attention?: string;
}

interface HeaderMenuProps {
  destinations: readonly HeaderDestination[];
  /** Who is signed in and the sign-out button: after the links, at the end of the bar or of the menu. */
  account: ReactNode;
  /** Controls that stay in the bar at every width (a search box, a notifications bell). */
  actions?: ReactNode;
}

/** True when `pathname` is the destination or a page under it. */
function isCurrent(href: string, pathname: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The header's navigation at every width. Wide screens (md and up) show the links inline with
 * the account after them. Narrow ones show a "Menu" button (a disclosure: `aria-expanded`,
 * `aria-controls`) that opens the same links and the account as a list under the bar; Escape
 * closes it and returns focus to the button, as does a click outside or on a link. The links
 * exist once in the page at every width, so what a screen reader and the tests find does not
 * depend on the screen.
 *
 * The DOM order is actions, button, list, so that on a phone Tab goes from the button into
 * the open list; on wide screens CSS `order` draws the list before the actions.
 */
export function HeaderMenu({ destinations, account, actions }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const attention = destinations.flatMap((destination) => (destination.attention ? [destination.attention] : [])).join(", ");

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  // Tabbing out of the open menu closes it, so it never covers the page behind the focus.
  function onBlur(event: React.FocusEvent<HTMLDivElement>) {
    if (open && !(event.relatedTarget instanceof Node && root.current?.contains(event.relatedTarget))) setOpen(false);
  }

  return (
    <div ref={root} className="contents" onBlur={onBlur}>
      {actions ? <div className="ml-auto flex items-center gap-2 lg:order-2 lg:ml-0">{actions}</div> : null}
      <button
        ref={button}
        type="button"
        className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "lg:hidden", !actions && "ml-auto")}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {open ? <X aria-hidden /> : <Menu aria-hidden />}
        Menu
        {attention ? (
          <>
            <span aria-hidden className="size-2 rounded-full bg-accent" data-testid="menu-attention" />
            <span className="sr-only">({attention})</span>
          </>
        ) : null}
      </button>
      <div
        id={panelId}
        className={cn(
          "absolute inset-x-0 top-full z-40 flex-col gap-3 border-y border-border bg-surface px-4 pt-2 pb-4 shadow-md sm:px-6",
          open ? "flex" : "hidden",
          "lg:static lg:z-auto lg:order-1 lg:flex lg:min-w-0 lg:flex-1 lg:flex-row lg:items-center lg:justify-between lg:gap-4 lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none",
        )}
      >
        <nav aria-label="Main" className="min-w-0 lg:shrink-0">
          <ul className="-mx-2 flex flex-col text-sm lg:mx-0 lg:flex-row lg:items-center lg:gap-3 lg:whitespace-nowrap">
            {destinations.map((destination) => (
              <li key={destination.href}>
                <Link
                  href={destination.href}
                  aria-current={isCurrent(destination.href, pathname) ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className="flex items-center gap-1.5 rounded-md px-2 py-2.5 text-muted hover:bg-canvas hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus aria-[current=page]:font-medium aria-[current=page]:text-ink lg:px-0 lg:py-1 lg:hover:bg-transparent"
                >
                  {destination.label}
                  {destination.badge}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {account}
      </div>
    </div>
  );
}
