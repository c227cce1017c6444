import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { endpointUrlProblem, isNonPublicAddress } from "@/lib/webhooks/network-guard";
import { guardedLookup } from "@/lib/webhooks/post-webhook";
import { webhookHeaders, type SigningSecrets } from "@/lib/webhooks/signing";

// One call to an external classifier: POST, signed as webhooks are (Standard Webhooks headers),
// with one timeout covering connect, answer and body. Redirects are never followed; private and
// loopback addresses are refused unless the rule allows them (vetted as the socket connects).

export interface ScorerTarget {
  url: string;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  signing: SigningSecrets;
}

export type ScorerReply = { ok: true; body: string; latencyMs: number } | { ok: false; message: string; latencyMs: number };

/** An answer for 50 comments with spans is a few KB; past this the scorer is not following the contract. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export function postToScorer(target: ScorerTarget, body: string, messageId = `msg_${randomUUID()}`, sentAt = new Date()): Promise<ScorerReply> {
  const problem = endpointUrlProblem(target.url, target.allowPrivateNetwork);
  if (problem) return Promise.resolve({ ok: false, message: `refused: ${problem}`, latencyMs: 0 });
  const url = new URL(target.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0 && !target.allowPrivateNetwork && isNonPublicAddress(host)) {
    return Promise.resolve({ ok: false, message: `refused: ${host} is a private or loopback address`, latencyMs: 0 });
  }
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (reply: { ok: true; body: string } | { ok: false; message: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...reply, latencyMs: Math.round(performance.now() - started) });
    };
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(target.allowPrivateNetwork),
        headers: { "content-type": "application/json", accept: "application/json", "user-agent": "Moddesk-Classifier/1", ...webhookHeaders(target.signing, messageId, sentAt, body) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            response.destroy();
            return finish({ ok: false, message: `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB` });
          }
          chunks.push(chunk);
        });
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (status >= 300 && status < 400) return finish({ ok: false, message: `answered HTTP ${status}, a redirect (not followed, to ${response.headers.location ?? "nowhere"})` });
          if (status < 200 || status >= 300) return finish({ ok: false, message: `answered HTTP ${status}: ${text.slice(0, 200)}` });
          finish({ ok: true, body: text });
        });
        response.on("error", (error) => finish({ ok: false, message: `the answer broke off: ${error.message}` }));
        response.on("close", () => finish({ ok: false, message: "the answer broke off" }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, message: `no answer within ${target.timeoutMs} ms (timed out)` });
    }, target.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ ok: false, message: `${error.code ? `${error.code}: ` : ""}${error.message}`.slice(0, 300) }));
    request.end(body);
  });
}
