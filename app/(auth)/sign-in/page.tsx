import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = typeof next === "string" ? safeReturnPath(next) : undefined;
  if (await getCurrentUser()) redirect(returnTo ?? "/queue");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-2xl font-semibold tracking-tight">Moddesk</h1>
        <p className="mt-1 text-center text-sm text-slate-500">Sign in to moderate reader comments</p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm next={returnTo} />
        </div>
      </div>
    </main>
  );
}
