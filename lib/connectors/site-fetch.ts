import "server-only";
import { isIP } from "node:net";
import { isNonPublicAddress } from "@/lib/webhooks/network-guard";
import type { ConnectorFetch } from "./connector";

/**
 * The fetch connectors get in production: a site on a private or loopback address literal is
 * refused unless the admin allowed private networks (the settings refuse such names too, see
 * endpointUrlProblem). Redirects are never followed (the connector asks for redirect: "manual").
 */
export function siteFetch(allowPrivateNetwork: boolean): ConnectorFetch {
  return (url, init) => {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    if (!allowPrivateNetwork && (host === "localhost" || (isIP(host) !== 0 && isNonPublicAddress(host)))) {
      return Promise.reject(new Error(`refused: ${host} is a private or loopback address`));
    }
    return fetch(url, { ...init, redirect: "manual" });
  };
}
