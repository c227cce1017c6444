import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { CreateUserForm } from "@/components/users/create-user-form";
import { listUsers } from "@/lib/auth/queries";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePagePermission("users:manage", "/users");
  const users = await listUsers();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">Admins manage rules, imports, tokens and accounts; moderators work the queue.</p>
        <p className="mt-1 text-sm">
          <Link href="/tokens" className="font-medium text-slate-900 underline">
            Manage API tokens
          </Link>
        </p>
      </div>
      <CreateUserForm />
      <DataTable
        caption="Accounts"
        testId="users-table"
        headers={["Email", "Role", "Decisions", "Created", "Status"]}
        rows={users.map((user) => [user.email, user.role, user._count.decisions, formatDateTime(user.createdAt), user.disabledAt ? "disabled" : "active"])}
      />
    </main>
  );
}
