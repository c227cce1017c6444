import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getDeskTimeZone } from "@/lib/settings/display-time-zone";
import { COMMON_TIME_ZONES } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePagePermission("queue:read", "/account");
  const [desk, own] = await Promise.all([getDeskTimeZone(), db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } })]);
  return (
    <main className="max-w-xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {user.email} ({user.role}).
        </p>
      </div>
      <TimeZoneForm scope="own" current={own?.timeZone ?? null} deskTimeZone={desk.timeZone} zones={COMMON_TIME_ZONES} />
      <PasswordForm />
    </main>
  );
}
