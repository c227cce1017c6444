import { checkDiscoveryDocument } from "@/lib/auth/sso-discovery-check";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso-settings";
import { publicUrl, ssoSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { say } from "../lib/output";

// `moddesk sso check`: the provider's discovery document against the settings and the flow Moddesk
// uses, before anyone signs in (lib/auth/sso-discovery-check.ts). Exit code 1 on a problem.

export async function ssoCommand(args: string[]): Promise<void> {
  if (args[0] !== "check" || args.length !== 1) throw new AppError("INVALID", "usage: moddesk sso check");
  const settings = ssoSettings();
  if (!settings) throw new AppError("INVALID", "Single sign-on is off: set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ALLOWED_DOMAINS (docs/sso.md).");
  say(`Issuer: ${settings.issuer}`);
  say(`Redirect URI to register at the provider: ${publicUrl()}/api/auth/callback/${SSO_PROVIDER_ID}`);
  let document: unknown;
  try {
    const response = await fetch(settings.discoveryUrl, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    throw new AppError("INVALID", `Could not read ${settings.discoveryUrl}: ${(error as Error).message}`);
  }
  const findings = checkDiscoveryDocument(settings.issuer, document);
  for (const finding of findings) say(`${finding.severity}: ${finding.message}`);
  const problems = findings.filter((finding) => finding.severity === "problem").length;
  say(problems === 0 ? "The discovery document fits: try a sign-in." : `${problems} ${problems === 1 ? "problem" : "problems"}: sign-in will fail or lose a guarantee until fixed.`);
  if (problems > 0) process.exitCode = 1;
}
