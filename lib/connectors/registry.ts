import type { ConnectorKind, SiteConnector } from "./connector";
import { disqusConnector } from "./disqus/disqus-connector";
import { wordpressConnector } from "./wordpress/wordpress-connector";

// Every connector Moddesk knows, by kind. A new one (Coral, say) is a module under
// lib/connectors/<name> and a line here; the sync, the outbox and the admin page are shared.

// The config types differ per connector; the shared code only hands a parsed config back to the
// connector that parsed it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyConnector = SiteConnector<any>;

const CONNECTORS: Partial<Record<ConnectorKind, AnyConnector>> = { wordpress: wordpressConnector, disqus: disqusConnector };

export const CONNECTOR_LABELS: Record<ConnectorKind, string> = { wordpress: "WordPress", disqus: "Disqus" };

export function connectorFor(kind: ConnectorKind): AnyConnector | null {
  return CONNECTORS[kind] ?? null;
}

export function registeredConnectorKinds(): ConnectorKind[] {
  return Object.keys(CONNECTORS) as ConnectorKind[];
}
