import Link from "next/link";
import { getSessionActor } from "@/lib/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { RoleBadge } from "@/components/role-badge";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { can } from "@/lib/auth/policy";
import { NotificationBell } from "@/components/notifications/notification-bell";

/** The bar on every page: the desk's name, navigation, and who is signed in. */
export async function SiteHeader() {
  const actor = await getSessionActor();
  const waiting = actor ? await countReviewQueue({ actor }) : 0;
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-4 sm:gap-6">
          <Link
            href={actor ? "/articles" : "/signin"}
            aria-label="Factdesk"
            className="flex items-center gap-2 font-semibold tracking-tight text-ink"
          >
            <span aria-hidden className="grid size-7 place-items-center rounded-md bg-accent text-xs font-bold text-white">
              Fd
            </span>
            <span className="hidden sm:inline">Factdesk</span>
          </Link>
          {actor ? (
            <nav aria-label="Main" className="flex min-w-0 items-center gap-3 overflow-x-auto text-sm whitespace-nowrap sm:gap-4">
              <Link href="/articles" className="text-muted hover:text-ink">
                Articles
              </Link>
              <Link href="/work" className="text-muted hover:text-ink">
                My work
              </Link>
              <Link href="/reviews" className="inline-flex items-center gap-1.5 text-muted hover:text-ink">
                Reviews
                {waiting > 0 ? (
                  <span
                    className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold leading-5 text-white"
                    data-testid="review-count"
                  >
                    <span className="sr-only">(</span>
                    {waiting}
                    <span className="sr-only"> waiting)</span>
                  </span>
                ) : null}
              </Link>
              <Link href="/activity" className="text-muted hover:text-ink">
                Activity
              </Link>
              <Link href="/settings" className="text-muted hover:text-ink">
                Settings
              </Link>
              {can(actor, "user.manage") ? (
                <Link href="/admin/users" className="text-muted hover:text-ink">
                  Users
                </Link>
              ) : null}
            </nav>
          ) : null}
        </div>
        {actor ? (
          <div className="flex shrink-0 items-center gap-3 text-sm">
            <NotificationBell />
            <span className="hidden text-right sm:block">
              <span className="block font-medium leading-tight" data-testid="signed-in-user">
                {actor.name}
              </span>
              <span className="block text-xs leading-tight text-muted">{actor.email}</span>
            </span>
            <span className="hidden sm:inline">
              <RoleBadge role={actor.role} />
            </span>
            <SignOutButton />
          </div>
        ) : (
          <Link href="/signin" className="text-sm font-medium text-accent hover:underline">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
