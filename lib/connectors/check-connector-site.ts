import "server-only";
import { AppError } from "@/lib/errors";
import { loadConnector } from "./connector-settings";
import { siteFetch } from "./site-fetch";
import { checkWordpressSite, type SiteCheck } from "./wordpress/check-site";
import { wordpressConfigSchema } from "./wordpress/config";

/** The stored WordPress settings checked against the site (reads only; works while the connector is off). */
export async function checkConnectorSite(): Promise<SiteCheck & { siteUrl: string }> {
  const loaded = await loadConnector("wordpress");
  if (!loaded) throw new AppError("NOT_FOUND", "The wordpress connector is not set up yet: an admin enters its settings on the Connectors page.");
  const config = wordpressConfigSchema.parse(loaded.config);
  return { siteUrl: config.siteUrl, ...(await checkWordpressSite(config, siteFetch(config.allowPrivateNetwork))) };
}
