import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UserActions } from "@/components/users/user-actions";
import { listUsers } from "@/lib/auth/queries";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { COMMON_TIME_ZONES } from "@/lib/time-zone";
import { getDeskTimeZone, getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const currentUser = await requirePagePermission("users:manage", "/users");
  const timeZone = await getDisplayTimeZone();
  const [users, desk] = await Promise.all([listUsers(), getDeskTimeZone()]);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Admins manage rules, imports, tokens and accounts; moderators work the queue. Disabling an account ends its sessions and revokes its API tokens at once; its
          decisions stay in the history. A desk always keeps at least one admin.
        </p>
        <p className="mt-1 text-sm">
          <Link href="/tokens" className="font-medium text-slate-900 underline">
            Manage API tokens
          </Link>
        </p>
      </div>
      <CreateUserForm />
      <TimeZoneForm scope="desk" current={desk.timeZone} deskTimeZone={desk.timeZone} zones={COMMON_TIME_ZONES} />
      <DataTable
        caption="Accounts"
        testId="users-table"
        headers={["Email", "Role", "Decisions", "Created", "Status", "Actions"]}
        rows={users.map((user) => [
          user.email,
          user.role,
          user._count.decisions,
          formatDateTime(user.createdAt, timeZone),
          user.disabledAt ? `disabled ${formatDateTime(user.disabledAt, timeZone)}` : "active",
          <UserActions key="actions" user={{ id: user.id, email: user.email, role: user.role, isDisabled: Boolean(user.disabledAt) }} isSelf={user.id === currentUser.id} />,
        ])}
      />
    </main>
  );
}
