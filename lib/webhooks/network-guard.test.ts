import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteFetch } from "@/lib/connectors/site-fetch";
import { postToScorer } from "@/lib/external-classifier/post-to-scorer";
import { endpointUrlProblem, isNonPublicAddress } from "./network-guard";
import { postWebhook } from "./post-webhook";

// The spellings of an inside address an attacker would try when the plain ones are refused. The
// URL parser turns `[::ffff:127.0.0.1]` into `[::ffff:7f00:1]`, and a socket to it reaches 127.0.0.1.

describe("inside addresses in every spelling", () => {
  it.each([
    "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:a00:1", "::ffff:c0a8:101", "0:0:0:0:0:ffff:7f00:1", "::7f00:1", "::127.0.0.1",
    "::ffff:0:7f00:1", "64:ff9b::7f00:1", "2002:7f00:1::1", "fec0::1", "fd00:ec2::254", "255.255.255.255", "198.18.0.1",
  ])("%s is not public", (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "::ffff:808:808", "2606:4700::1111", "93.184.216.34"])("%s is public", (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it.each(["http://[::ffff:127.0.0.1]:8080/hook", "http://[::ffff:7f00:1]/hook", "http://[::ffff:169.254.169.254]/latest/meta-data", "http://[::127.0.0.1]/hook"])(
    "%s is refused as an endpoint",
    (url) => {
      expect(endpointUrlProblem(url, false)).toMatch(/private or loopback/);
    },
  );
});

describe("a server on loopback, addressed as an IPv4-mapped IPv6 literal", () => {
  let server: http.Server;
  let port = 0;
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((_request, response) => {
      hits += 1;
      response.end("inside");
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("is not reached by a webhook, a connector or an external classifier", async () => {
    const url = `http://[::ffff:7f00:1]:${port}/`;
    const webhook = await postWebhook({ url, timeoutMs: 2_000, allowPrivateNetwork: false, secret: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=", previousSecret: null, previousSecretUntil: null }, "msg_1", "{}");
    expect(webhook).toMatchObject({ ok: false, statusCode: null });
    expect(webhook.response).toMatch(/private or loopback/);
    await expect(siteFetch(false)(url)).rejects.toThrow(/private or loopback/);
    const scorer = await postToScorer({ url, timeoutMs: 2_000, allowPrivateNetwork: false, signing: { secret: "whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=", previousSecret: null, previousSecretUntil: null } }, "{}");
    expect(scorer).toMatchObject({ ok: false });
    expect(hits).toBe(0);
  });

  it("is reached when an admin allowed private networks", async () => {
    await expect((await siteFetch(true)(`http://[::ffff:7f00:1]:${port}/`)).text()).resolves.toBe("inside");
  });
});
