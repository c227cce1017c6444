import type { PoolConfig } from "pg";

/**
 * Splits a postgres:// URL into pg's config fields. A `connectionString` would take precedence
 * over a `database` set beside it, and we need to point the same server at other databases
 * (shadow and test databases).
 */
export function pgConfigFromUrl(databaseUrl: string): PoolConfig {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database)`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${url.protocol}//)`);
  }
  const sslmode = url.searchParams.get("sslmode");
  // libpq's application_name: names the connection in pg_stat_activity (and PgBouncer's SHOW CLIENTS).
  const applicationName = url.searchParams.get("application_name");
  return {
    ...(applicationName ? { application_name: applicationName } : {}),
    host: decodeURIComponent(url.hostname) || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

/** The same server, another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * DIRECT_DATABASE_URL must reach the database DATABASE_URL does, as the same role: a leftover one
 * (a shell that exported it, a tool that repointed DATABASE_URL alone) would send imports elsewhere.
 */
export function checkDirectUrl(databaseUrl: string, directUrl: string): void {
  if (directUrl === databaseUrl) return;
  const pooled = pgConfigFromUrl(databaseUrl);
  const direct = pgConfigFromUrl(directUrl);
  if (pooled.database !== direct.database || pooled.user !== direct.user) {
    throw new Error(`DIRECT_DATABASE_URL (${direct.user}@${direct.database}) must name the database and role of DATABASE_URL (${pooled.user}@${pooled.database}): it is the same database without PgBouncer in between`);
  }
}
