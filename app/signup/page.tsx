import type { Metadata } from "next";
import { redirect } from "next/navigation";
import Link from "next/link";
import { getSessionActor } from "@/lib/auth/session";
import { signUpEnabled } from "@/lib/users/sign-up";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionActor()) redirect("/articles");
  if (!signUpEnabled()) {
    return (
      <AuthCard title="Sign-up is closed" subtitle="This desk creates accounts on invitation.">
        <p className="text-sm text-muted">
          Ask an administrator for an account, then{" "}
          <Link href="/signin" className="font-medium text-accent hover:underline">
            sign in
          </Link>
          .
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Create an account" subtitle="New accounts join as reviewers; an administrator can change roles.">
      <SignUpForm />
    </AuthCard>
  );
}
