import "server-only";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { isNonPublicAddress } from "@/lib/webhooks/network-guard";
import { guardedLookup } from "@/lib/webhooks/post-webhook";
import type { ConnectorFetch } from "./connector";

// The fetch connectors get in production. The site's address is the admin's input and this server
// sits inside the newsroom's network (SSRF): unless the admin allowed private networks, every
// address the host resolves to must be public, checked as the socket connects, as for webhooks.
// Redirects are never followed; answers past MAX_ANSWER_BYTES are refused.

const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

export function siteFetch(allowPrivateNetwork: boolean): ConnectorFetch {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const host = target.hostname.replace(/^\[|\]$/g, "");
      // A literal address never goes through lookup: vet it here.
      if (!allowPrivateNetwork && (host === "localhost" || (isIP(host) !== 0 && isNonPublicAddress(host)))) {
        return reject(new Error(`refused: ${host} is a private or loopback address (allow private networks in the connector's settings if the site is inside your network)`));
      }
      const transport = target.protocol === "https:" ? https : target.protocol === "http:" ? http : null;
      if (!transport) return reject(new Error(`refused: ${target.protocol} is not http or https`));
      const request = transport.request(
        target,
        { method: init.method ?? "GET", headers: Object.fromEntries(new Headers(init.headers).entries()), lookup: guardedLookup(allowPrivateNetwork), ...(init.signal ? { signal: init.signal } : {}) },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) request.destroy(new Error(`the site's answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`));
            else chunks.push(chunk);
          });
          response.on("end", () => {
            const status = response.statusCode ?? 502;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, headers: responseHeaders(response.headers) }));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      if (typeof init.body === "string") request.write(init.body);
      request.end();
    });
}
