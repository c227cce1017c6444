import { describe, expect, it } from "vitest";
import { checkDiscoveryDocument } from "./sso-discovery-check";

// Documents shaped as OpenID Connect Discovery 1.0 §3 and §4.2 describe them (values written for the test).
const issuer = "https://login.example.org";
const good = {
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/jwks.json`,
  userinfo_endpoint: `${issuer}/userinfo`,
  response_types_supported: ["code", "id_token"],
  subject_types_supported: ["public"],
  id_token_signing_alg_values_supported: ["RS256"],
  code_challenge_methods_supported: ["S256"],
  token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
  scopes_supported: ["openid", "email", "profile"],
};

const problems = (document: unknown, configured = issuer) => checkDiscoveryDocument(configured, document).filter((finding) => finding.severity === "problem").map((finding) => finding.message);

describe("the provider's discovery document, checked before anyone signs in", () => {
  it("passes a document that fits the flow", () => {
    expect(problems(good)).toEqual([]);
  });

  it("wants the issuer identical to OIDC_ISSUER, character for character (Discovery §4.3)", () => {
    expect(problems(good, `${issuer}/`)).toEqual([expect.stringContaining(`set OIDC_ISSUER=${issuer}`)]);
    expect(problems({ ...good, issuer: "https://login.microsoftonline.com/{tenantid}/v2.0" }, "https://login.microsoftonline.com/common/v2.0")).toEqual([expect.stringContaining("multi-tenant")]);
    expect(problems({ ...good, issuer: undefined })).toEqual(["the document has no issuer"]);
  });

  it("names the missing or unusable parts of the flow", () => {
    const { jwks_uri: _jwks, ...withoutKeys } = good;
    expect(problems(withoutKeys)).toEqual(["jwks_uri is missing"]);
    expect(problems({ ...good, token_endpoint: "http://login.example.org/token" })).toEqual(["token_endpoint is not https (http://login.example.org/token)"]);
    expect(problems({ ...good, response_types_supported: ["id_token"] })).toEqual([expect.stringContaining('lacks "code"')]);
    expect(problems({ ...good, code_challenge_methods_supported: ["plain"] })).toEqual([expect.stringContaining("lacks S256")]);
    expect(problems({ ...good, id_token_signing_alg_values_supported: [] })).toEqual([expect.stringContaining("could not be verified")]);
    expect(problems({ ...good, scopes_supported: ["openid", "profile"] })).toEqual(['scopes_supported lacks "email", which Moddesk asks for']);
    expect(problems("<html>")).toEqual(["the discovery document is not a JSON object"]);
  });

  it("reads an omitted token_endpoint_auth_methods_supported as client_secret_basic only (Discovery §3)", () => {
    const { token_endpoint_auth_methods_supported: _methods, ...omitted } = good;
    expect(problems(omitted)).toEqual(["the token endpoint takes client_secret_basic, not client_secret_post, which Moddesk uses"]);
  });

  it("notes PKCE left unsaid and the RFC 9207 iss parameter", () => {
    const { code_challenge_methods_supported: _pkce, ...silent } = good;
    const findings = checkDiscoveryDocument(issuer, { ...silent, authorization_response_iss_parameter_supported: true });
    expect(findings.every((finding) => finding.severity === "note")).toBe(true);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining("PKCE"), expect.stringContaining("RFC 9207")]);
  });

  it("accepts loopback http endpoints (the e2e provider)", () => {
    const local = "http://127.0.0.1:4000";
    expect(problems({ ...good, issuer: local, authorization_endpoint: `${local}/auth`, token_endpoint: `${local}/token`, jwks_uri: `${local}/jwks` }, local)).toEqual([]);
  });
});
