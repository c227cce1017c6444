import Link from "next/link";
import { JobsDownBanner } from "@/components/layout/jobs-down-banner";
import { MainNav } from "@/components/layout/main-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { navigationFor } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";

// Chrome only: every page below decides access for itself.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 max-md:gap-x-3">
          <Link href="/queue" className="text-lg font-semibold tracking-tight">
            Moddesk
          </Link>
          {user ? (
            <MainNav
              items={navigationFor(user.role)}
              account={
                <div className="flex items-center justify-between gap-3 px-3">
                  <Link href="/account" className="flex min-h-11 min-w-0 items-center truncate text-sm font-medium hover:underline">
                    {user.email} ({user.role})
                  </Link>
                  <SignOutButton />
                </div>
              }
            />
          ) : null}
          {user ? (
            <div className="ml-auto flex items-center gap-3 max-md:hidden">
              <div className="text-right leading-tight">
                <Link href="/account" className="block max-w-40 truncate text-sm font-medium hover:underline sm:max-w-none" title="Your account: password and time zone">
                  <span data-testid="current-user">{user.email}</span>
                </Link>
                <p className="text-xs text-slate-500" data-testid="current-role">
                  {user.role}
                </p>
              </div>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      {user && can(user.role, "system:status") ? <JobsDownBanner /> : null}
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
