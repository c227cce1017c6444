// Checks an OpenID provider's discovery document against what Moddesk's sign-in needs, before
// anyone tries to sign in: a mismatch otherwise surfaces as a bare "sso callback failed" in the
// audit log. Pure: the command line fetches the document (`moddesk sso check`).
//
// Sources: OpenID Connect Discovery 1.0 §3 and §4.3
// (https://openid.net/specs/openid-connect-discovery-1_0.html), RFC 8414 §2 (code challenge
// methods), RFC 9207 (the `iss` authorization response parameter).

export interface DiscoveryFinding {
  /** A problem stops sign-in or breaks a guarantee; a note is worth knowing. */
  severity: "problem" | "note";
  message: string;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const list = (value: unknown): string[] | null => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : null);

/** What is wrong with `document` for OIDC_ISSUER `issuer` and Moddesk's flow (code, PKCE S256, client_secret_post). */
export function checkDiscoveryDocument(issuer: string, document: unknown): DiscoveryFinding[] {
  if (typeof document !== "object" || document === null || Array.isArray(document)) return [{ severity: "problem", message: "the discovery document is not a JSON object" }];
  const doc = document as Record<string, unknown>;
  const findings: DiscoveryFinding[] = [];
  const problem = (message: string) => findings.push({ severity: "problem", message });
  const note = (message: string) => findings.push({ severity: "note", message });

  const stated = str(doc.issuer);
  if (!stated) problem("the document has no issuer");
  else if (stated.includes("{tenantid}")) problem(`the issuer is a template (${stated}): a multi-tenant Entra ID endpoint; use https://login.microsoftonline.com/<tenant id>/v2.0`);
  else if (stated !== issuer) problem(`OIDC_ISSUER is ${issuer} but the provider says its issuer is ${stated}: they must be identical (Discovery §4.3), and ID tokens carry the provider's; set OIDC_ISSUER=${stated}`);

  for (const field of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    const value = str(doc[field]);
    if (!value) problem(`${field} is missing`);
    else if (!/^https:\/\//.test(value) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(value)) problem(`${field} is not https (${value})`);
  }
  const responseTypes = list(doc.response_types_supported);
  if (!responseTypes) problem("response_types_supported is missing (required)");
  else if (!responseTypes.includes("code")) problem(`response_types_supported (${responseTypes.join(", ")}) lacks "code": Moddesk uses the authorization-code flow`);
  const algorithms = list(doc.id_token_signing_alg_values_supported);
  if (!algorithms || algorithms.length === 0) problem("id_token_signing_alg_values_supported is missing (required): the ID token could not be verified");
  const challenges = list(doc.code_challenge_methods_supported);
  if (challenges && !challenges.includes("S256")) problem(`code_challenge_methods_supported (${challenges.join(", ")}) lacks S256, which Moddesk always sends`);
  if (!challenges) note("the provider does not say whether it supports PKCE (code_challenge_methods_supported); Moddesk sends S256 anyway");
  // Omitted means client_secret_basic only (Discovery §3).
  const authMethods = list(doc.token_endpoint_auth_methods_supported) ?? ["client_secret_basic"];
  if (!authMethods.includes("client_secret_post")) problem(`the token endpoint takes ${authMethods.join(", ")}, not client_secret_post, which Moddesk uses`);
  const scopes = list(doc.scopes_supported);
  if (scopes) for (const scope of ["openid", "email"]) if (!scopes.includes(scope)) problem(`scopes_supported lacks "${scope}", which Moddesk asks for`);
  if (doc.authorization_response_iss_parameter_supported === true) note("the provider sends iss with its answer (RFC 9207); a different iss is refused");
  return findings;
}
