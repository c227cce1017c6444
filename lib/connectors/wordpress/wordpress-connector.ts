import { siteScope } from "@/lib/import/source-scope";
import type { SiteConnector } from "../connector";
import { wordpressConfigSchema, type WordpressConfig } from "./config";
import { pullWordpressPage } from "./pull";
import { pushWordpressDecision } from "./push";
import { wordpressSiteStatus, wordpressStatusHint } from "./status-map";

/** WordPress through its REST API (/wp-json/wp/v2) and an Application Password. */
export const wordpressConnector: SiteConnector<WordpressConfig> = {
  kind: "wordpress",
  configSchema: wordpressConfigSchema,
  secretFields: ["applicationPassword"],
  siteIdentity: (config) => siteScope(config.siteUrl),
  // The scheme counts here (siteScope leaves it out): https → http would send the password in clear.
  credentialDestination: (config) => {
    const url = new URL(config.siteUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
  },
  pull: pullWordpressPage,
  push: pushWordpressDecision,
  siteStatusFor: wordpressSiteStatus,
  statusHintFor: wordpressStatusHint,
};
