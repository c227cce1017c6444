import { readFileSync } from "node:fs";
import path from "node:path";

// What the production build actually serves: every page and route handler (from Next's route
// manifest) and every server action (from its server-reference manifest). The authorization
// matrix walks these, so a new route cannot escape it.

const distDir = path.resolve(process.cwd(), process.env.NEXT_DIST_DIR ?? ".next");

export interface BuiltRoutes {
  pages: string[];
  handlers: string[];
  actions: { id: string; key: string; pagePath: string }[];
}

export function builtRoutes(): BuiltRoutes {
  const routes = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const pages = Object.entries(routes)
    .filter(([entry]) => entry.endsWith("/page"))
    .map(([, route]) => route)
    .filter((route) => !route.startsWith("/_"));
  const handlers = Object.entries(routes)
    .filter(([entry]) => entry.endsWith("/route"))
    .map(([, route]) => route);
  const references = JSON.parse(readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const actions = Object.entries(references.node).map(([id, reference]) => {
    const worker = Object.keys(reference.workers)[0] ?? "app/page";
    return { id, key: `${reference.filename}#${reference.exportedName}`, pagePath: routes[`/${worker.replace(/^app\//, "")}`] ?? "/" };
  });
  return { pages, handlers, actions };
}
