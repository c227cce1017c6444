// Where an audit event's subject lives in the dashboard. Pages check access themselves; a link
// is only a way there.

const PAGES: Record<string, (id: string | null) => string | null> = {
  comment: (id) => (id ? `/comments/${encodeURIComponent(id)}` : null),
  rule: () => "/rules",
  rule_rerun: () => "/rules",
  user: () => "/users",
  api_token: () => "/users",
  import_batch: () => "/imports",
  export: () => "/exports",
};

export function entityHref(entityType: string, entityId: string | null): string | null {
  return PAGES[entityType]?.(entityId) ?? null;
}

export function entityLabel(entityType: string, entityId: string | null): string {
  return `${entityType.replaceAll("_", " ")}${entityId ? ` ${entityId}` : ""}`;
}
