import type { Metadata } from "next";
import { ConnectorActivity } from "@/components/connectors/connector-activity";
import { DisqusSettingsForm } from "@/components/connectors/disqus-settings-form";
import { WordpressSettingsForm } from "@/components/connectors/wordpress-settings-form";
import { requirePagePermission } from "@/lib/auth/session";
import { getConnectorPanel } from "@/lib/connectors/queries";
import { CONNECTOR_LABELS } from "@/lib/connectors/registry";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage() {
  await requirePagePermission("connectors:manage", "/connectors");
  const timeZone = await getDisplayTimeZone();
  const [wordpress, disqus] = await Promise.all([getConnectorPanel("wordpress"), getConnectorPanel("disqus")]);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Connectors</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Moddesk pulls new comments from your site every 5 minutes (or now), and sends each decision back: approve publishes the comment, hide holds, trashes or removes it, undo
          puts back what the site had. If a comment changed on the site since Moddesk saw it, nothing is overwritten: the push waits below as a conflict for you to resolve.
        </p>
      </div>
      <WordpressSettingsForm settings={(wordpress.view?.settings ?? {}) as Record<string, string>} hasSecret={wordpress.view?.hasSecret ?? false} enabled={wordpress.view?.enabled ?? true} />
      {wordpress.view ? <ConnectorActivity label={CONNECTOR_LABELS.wordpress} view={wordpress.view} syncs={wordpress.syncs} pushes={wordpress.pushes} timeZone={timeZone} /> : null}
      <DisqusSettingsForm settings={disqus.view?.settings ?? {}} hasSecret={disqus.view?.hasSecret ?? false} enabled={disqus.view?.enabled ?? true} />
      {disqus.view ? <ConnectorActivity label={CONNECTOR_LABELS.disqus} view={disqus.view} syncs={disqus.syncs} pushes={disqus.pushes} timeZone={timeZone} /> : null}
    </main>
  );
}
