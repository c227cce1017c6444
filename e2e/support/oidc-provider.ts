import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { closeServer } from "../../test/support/teardown";

// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the SSO spec. Its
// development login page signs in whoever types a login: the login is the account id, and the
// account's email is that login, so each test chooses the email it signs in with. A login ending in
// "#unverified" has the email before it with `email_verified: false` (a self-registered address);
// one ending in "#unasserted" has it with no `email_verified` claim at all, as Entra ID sends it
// (an address whoever administers that identity could have typed in).

export interface LoopbackProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop: () => Promise<void>;
}

export async function startOidcProvider(redirectUri: string): Promise<LoopbackProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "moddesk-e2e";
  const clientSecret = randomBytes(24).toString("hex");
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ["code"], grant_types: ["authorization_code"], token_endpoint_auth_method: "client_secret_post" }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    findAccount: (_context, accountId) => ({
      accountId,
      claims: () => {
        const email = accountId.replace(/#(unverified|unasserted)$/, "");
        const name = email.split("@")[0];
        if (accountId.endsWith("#unasserted")) return { sub: accountId, email, name };
        return { sub: accountId, email, email_verified: email === accountId, name };
      },
    }),
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    // close() alone waits for keep-alive sockets a browser may still hold; the spec is over.
    stop: () => closeServer(server),
  };
}
