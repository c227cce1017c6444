import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { TokenScopeList } from "@/components/tokens/token-scope-list";
import { DataTable } from "@/components/ui/data-table";
import { listApiTokens } from "@/lib/auth/api-token";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePagePermission("tokens:manage", "/tokens");
  const timeZone = await getDisplayTimeZone();
  const tokens = await listApiTokens();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600">
          For the ingest API (<code>POST /api/v1/comments</code>) and exports. A token may call only the routes of its scopes, and never more than the role of the admin who created it; only its fingerprint is stored. Scopes cannot be changed: make a new token and revoke the old one.
        </p>
      </div>
      <CreateTokenForm />
      <DataTable
        caption="API tokens"
        testId="tokens-table"
        headers={["Name", "Prefix", "Scopes", "Created by", "Created", "Last used", "Status", ""]}
        rows={tokens.map((token) => [
          token.name,
          <code key="prefix" className="font-mono text-xs">{`${token.prefix}…`}</code>,
          <TokenScopeList key="scopes" scopes={token.scopes} />,
          token.createdBy.email,
          formatDateTime(token.createdAt, timeZone),
          formatDateTime(token.lastUsedAt, timeZone),
          token.revokedAt ? `revoked ${formatDateTime(token.revokedAt, timeZone)}` : "active",
          token.revokedAt ? null : <RevokeTokenButton key="revoke" id={token.id} name={token.name} />,
        ])}
      />
    </main>
  );
}
