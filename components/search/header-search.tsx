"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { Search } from "lucide-react";

/** Whether a key press belongs to something the person is typing in. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header's search: a field on wide screens, a link to the search page on phones. `/`
 * anywhere outside a text field focuses the field (or opens the search page).
 */
export function HeaderSearch() {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      const field = input.current;
      if (field && field.offsetParent !== null) field.focus();
      else router.push("/search");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <>
      <form role="search" action="/search" className="relative hidden lg:block">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-subtle" />
        <input
          ref={input}
          type="search"
          name="q"
          aria-label="Search the desk"
          aria-keyshortcuts="/"
          placeholder="Search  /"
          className="h-8 w-40 rounded-md border border-border-strong bg-surface pr-2 pl-8 text-sm text-ink placeholder:text-subtle focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus"
        />
      </form>
      <Link href="/search" aria-label="Search" className="text-muted hover:text-ink lg:hidden">
        <Search aria-hidden className="size-5" />
      </Link>
    </>
  );
}
