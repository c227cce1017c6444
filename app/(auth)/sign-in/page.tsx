import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignInButton } from "@/components/auth/sso-sign-in-button";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { passwordSignInOffMessage } from "@/lib/auth/sign-in";
import { describeSsoError } from "@/lib/auth/sso-settings";
import { isPasswordSignInEnabled, ssoSettings } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ next?: string | string[]; error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { next, error } = await searchParams;
  const returnTo = typeof next === "string" ? safeReturnPath(next) : undefined;
  if (await getCurrentUser()) redirect(returnTo ?? "/queue");
  const sso = ssoSettings();
  const isPasswordEnabled = isPasswordSignInEnabled();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Moddesk</h1>
        <p className="mt-1 text-center text-sm text-slate-500">Sign in to moderate reader comments</p>
        <div className="mt-8 space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {/* The code comes from the SSO callback's redirect; the words are ours, never the URL's. */}
          {typeof error === "string" ? (
            <p role="alert" data-testid="sso-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {describeSsoError(error)}
            </p>
          ) : null}
          {sso ? <SsoSignInButton label={sso.buttonLabel} next={returnTo} /> : null}
          {isPasswordEnabled ? <SignInForm next={returnTo} /> : <p className="text-sm text-slate-600">{passwordSignInOffMessage()}</p>}
        </div>
      </div>
    </main>
  );
}
