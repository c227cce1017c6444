import { z } from "zod";
import { endpointUrlProblem } from "@/lib/webhooks/network-guard";

// What an admin enters for a WordPress site. The application password is a credential: stored
// like webhook secrets, never sent back to the browser (lib/connectors/connector-settings.ts).

export const WORDPRESS_HIDE_STATUSES = ["hold", "trash"] as const;

export const wordpressConfigSchema = z
  .object({
    /** The site's address as WordPress knows it (Settings → General → Site Address), e.g. https://news.example.org. */
    siteUrl: z.string().trim().min(1, "Enter the site's address.").transform((url) => url.replace(/\/+$/, "")),
    /** The WordPress user the application password belongs to (needs the moderate_comments capability). */
    username: z.string().trim().min(1, "Enter the WordPress user name."),
    /** Users → Profile → Application Passwords; spaces as WordPress shows them are fine. */
    applicationPassword: z.string().trim().min(1, "Enter the application password."),
    /** What a hide does on the site: "hold" (back to WordPress's moderation queue) or "trash". */
    hideStatus: z.enum(WORDPRESS_HIDE_STATUSES).default("hold"),
    /** Loopback and private-range site addresses are refused unless allowed (SSRF, as for webhooks). */
    allowPrivateNetwork: z.boolean().default(false),
    /** Per request, connect to end of body. */
    timeoutMs: z.number().int().min(1_000).max(60_000).default(15_000),
  })
  .superRefine((config, context) => {
    const problem = endpointUrlProblem(config.siteUrl, config.allowPrivateNetwork);
    if (problem) context.addIssue({ code: "custom", path: ["siteUrl"], message: problem.replace("can receive webhooks", "can be a WordPress site").replace("for this endpoint", "for this site") });
    // The REST API is at <site>/wp-json: a query or fragment would break it, and a token in one
    // would be shown and audited with the address. The application password is the credential.
    else if (/[?#]/.test(config.siteUrl)) context.addIssue({ code: "custom", path: ["siteUrl"], message: "Enter the site's address without ?… or #… (the application password is the credential)." });
    // The application password goes in every request's Authorization header: over plain http, anyone
    // on the path between Moddesk and the site reads it, and with it the WordPress user's rights.
    // Plain http only for a site inside the admin's own network (the private-network switch).
    else if (/^http:/i.test(config.siteUrl) && !config.allowPrivateNetwork) {
      context.addIssue({ code: "custom", path: ["siteUrl"], message: "Enter an https:// address: the application password is sent with every request, and over http anyone on the way can read it. A site inside your own network may use http once private networks are allowed." });
    }
  });

export type WordpressConfig = z.output<typeof wordpressConfigSchema>;
