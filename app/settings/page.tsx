import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { presentUser } from "@/lib/users/present";
import { publicOrigin } from "@/lib/settings";
import { AccountSummary } from "@/components/settings/account-summary";
import { AccessTokens } from "@/components/settings/access-tokens";
import { ChangePassword } from "@/components/settings/change-password";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { NotificationSettings } from "@/components/settings/notification-settings";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { mailEnabled } from "@/lib/mail/config";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("/settings");
  const [tokens, notificationSettings] = await Promise.all([listAccessTokens({ actor }), getNotificationSettings({ actor })]);
  // The configured public origin, never the request's Host (a forged Host must not reach a page).
  const origin = publicOrigin();
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-muted">Your account, its password and sessions, and the tokens that let scripts use the API as you.</p>
      </div>
      <AccountSummary account={presentUser(actor)} />
      <ChangePassword email={actor.email} />
      <NotificationSettings initial={notificationSettings} email={actor.email} mailConfigured={mailEnabled()} />
      <SignOutEverywhere />
      <AccessTokens initialTokens={tokens} origin={origin} />
    </div>
  );
}
