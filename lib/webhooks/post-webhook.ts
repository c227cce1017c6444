import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isNonPublicAddress } from "./network-guard";
import { webhookHeaders, type SigningSecrets } from "./signing";
import { storableText } from "@/lib/validation/well-formed-text";

// One HTTP attempt of one delivery: POST, signed, with the endpoint's timeout covering connect,
// response and the first KB of its body. Redirects are never followed (a 3xx is a failure that
// names where it pointed). Addresses are vetted as the socket connects (network-guard.ts).

export interface WebhookTarget extends SigningSecrets {
  url: string;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The first 1,000 characters of the answer, or what went wrong. */
  response: string;
  /** The answer's Retry-After header, as sent (read by backoff.ts). */
  retryAfter?: string;
}

const EXCERPT = 1_000;

/** A DNS lookup that refuses private and loopback answers at connect time unless allowed (also used by lib/connectors/site-fetch.ts and lib/external-classifier). */
export function guardedLookup(allowPrivateNetwork: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = addresses.find((entry) => !allowPrivateNetwork && isNonPublicAddress(entry.address));
      if (refused) return callback(Object.assign(new Error(`refused: ${hostname} resolves to ${refused.address}, a private or loopback address`), { code: "EPRIVATE" }), "", 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

export function postWebhook(target: WebhookTarget, messageId: string, body: string, sentAt = new Date()): Promise<AttemptOutcome> {
  const url = new URL(target.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // A literal address never goes through lookup: vet it here.
  if (isIP(host) !== 0 && !target.allowPrivateNetwork && isNonPublicAddress(host)) {
    return Promise.resolve({ ok: false, statusCode: null, latencyMs: 0, response: `refused: ${host} is a private or loopback address` });
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<AttemptOutcome, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, latencyMs: elapsed() });
    };
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(target.allowPrivateNetwork),
        headers: { "content-type": "application/json", "user-agent": "Moddesk-Webhooks/1", ...webhookHeaders(target, messageId, sentAt, body) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const retryAfter = response.headers["retry-after"];
        let excerpt = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          excerpt += chunk;
          if (excerpt.length >= EXCERPT) response.destroy();
        });
        const done = () => {
          // Stored as the attempt's answer: a binary or gzip body holds NULs, which PostgreSQL refuses.
          const text = storableText(excerpt.slice(0, EXCERPT));
          if (status >= 300 && status < 400) return finish({ ok: false, statusCode: status, response: `redirect not followed (to ${response.headers.location ?? "nowhere"})` });
          finish({ ok: status >= 200 && status < 300, statusCode: status, response: text, ...(retryAfter ? { retryAfter } : {}) });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, response: `timed out after ${target.timeoutMs} ms` });
    }, target.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, response: `${error.code ? `${error.code}: ` : ""}${error.message}`.slice(0, EXCERPT) }));
    request.end(body);
  });
}
