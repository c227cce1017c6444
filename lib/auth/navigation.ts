import { can, type Permission, type Role } from "./policy";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/queue", label: "Queue", permission: "queue:read" },
  { href: "/rules", label: "Rules", permission: "rules:read" },
  { href: "/insights", label: "Insights", permission: "queue:read" },
  { href: "/audit", label: "Audit log", permission: "audit:read-decisions" },
  { href: "/imports", label: "Imports", permission: "imports:run" },
  { href: "/exports", label: "Exports", permission: "exports:run" },
  { href: "/dsa", label: "DSA", permission: "exports:run" },
  { href: "/webhooks", label: "Webhooks", permission: "webhooks:manage" },
  { href: "/connectors", label: "Connectors", permission: "connectors:manage" },
  { href: "/users", label: "Users", permission: "users:manage" },
];

/** The links a role sees. Hiding a link is a courtesy: every page checks the permission itself. */
export function navigationFor(role: Role): { href: string; label: string }[] {
  return NAV.filter((item) => can(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
