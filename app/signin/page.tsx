import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionActor } from "@/lib/auth/session";
import { signUpEnabled } from "@/lib/users/sign-up";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  if (await getSessionActor()) redirect(destination);
  return (
    <AuthCard title="Sign in to Factdesk" subtitle="Check claims, weigh evidence, publish verified versions.">
      <SignInForm callbackUrl={destination} signUpOpen={signUpEnabled()} />
    </AuthCard>
  );
}
