import Link from "next/link";
import { getSessionActor } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { RoleBadge } from "@/components/role-badge";
import { HeaderMenu, type HeaderDestination } from "@/components/header-menu";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { can } from "@/lib/auth/policy";
import { HeaderSearch } from "@/components/search/header-search";
import type { Actor } from "@/lib/auth/actor";
import { NotificationBell } from "@/components/notifications/notification-bell";

/**
 * Where a signed-in person can go from every page, in the order the header shows them. A new
 * destination is one more entry here; `HeaderMenu` lays them out inline on wide screens and
 * in the "Menu" list on phones.
 */
async function destinationsFor(actor: Actor): Promise<HeaderDestination[]> {
  const waiting = await countReviewQueue({ actor });
  return [
    { href: "/articles", label: "Articles" },
    { href: "/work", label: "My work" },
    {
      href: "/reviews",
      label: "Reviews",
      attention: waiting > 0 ? `${waiting} ${waiting === 1 ? "review" : "reviews"} waiting` : undefined,
      badge:
        waiting > 0 ? (
          <span className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold leading-5 text-white" data-testid="review-count">
            <span className="sr-only">(</span>
            {waiting}
            <span className="sr-only"> waiting)</span>
          </span>
        ) : null,
    },
    { href: "/activity", label: "Activity" },
    { href: "/dashboard", label: "Dashboard" },
    { href: "/settings", label: "Settings" },
    ...(can(actor, "user.manage") ? [{ href: "/admin/users", label: "Users" }] : []),
  ];
}

/** Who is signed in, and the way out: at the end of the bar on wide screens, at the end of the menu on phones. */
function Account({ actor }: { actor: Actor }) {
  return (
    <div className="flex items-center gap-3 border-t border-border pt-3 text-sm lg:min-w-0 lg:border-0 lg:pt-0">
      {/* On wide screens the navigation never shrinks; the name takes what room is left, at most
          a bounded width, so a long name or email is cut short instead of running over the links.
          Below xl the role and Sign out say enough; from xl the name keeps at least 4rem. */}
      <span className="min-w-0 flex-1 lg:hidden lg:flex-initial lg:text-right xl:block xl:min-w-16 xl:max-w-44" title={`${actor.name} (${actor.email})`}>
        <span className="block truncate font-medium leading-tight" data-testid="signed-in-user">
          {actor.name}
        </span>
        <span className="block truncate text-xs leading-tight text-muted">{actor.email}</span>
      </span>
      <RoleBadge role={actor.role} />
      <SignOutButton />
    </div>
  );
}

/**
 * The bar on every page: the desk's name, navigation, and who is signed in. Controls that must
 * stay in the bar at every width (search, notifications) go in `HeaderMenu`'s `actions`.
 */
export async function SiteHeader() {
  const actor = await getSessionActor();
  return (
    <header className="relative border-b border-border bg-surface">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-3 px-4 sm:px-6 lg:gap-4">
        <Link
          href={actor ? "/articles" : "/signin"}
          aria-label="Factdesk"
          className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-ink"
        >
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-xs font-bold text-white">
            Fd
          </span>
          <span className="hidden sm:inline lg:hidden xl:inline">Factdesk</span>
        </Link>
        {actor ? (
          <HeaderMenu destinations={await destinationsFor(actor)} account={<Account actor={actor} />} actions={
            <>
              <HeaderSearch />
              <NotificationBell />
            </>
          } />
        ) : (
          <Link href="/signin" className="ml-auto text-sm font-medium text-accent hover:underline">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
