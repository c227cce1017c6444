import { describe, expect, it } from "vitest";
import { checkDirectUrl, pgConfigFromUrl } from "./connection-url";

describe("pgConfigFromUrl", () => {
  it("takes libpq's application_name from the query string, and leaves it out when absent", () => {
    expect(pgConfigFromUrl("postgresql://app:secret@db.example:6432/moddesk?application_name=moddesk-direct")).toMatchObject({ host: "db.example", port: 6432, user: "app", database: "moddesk", application_name: "moddesk-direct" });
    expect(pgConfigFromUrl("postgresql://app:secret@db.example/moddesk")).not.toHaveProperty("application_name");
  });
});

describe("DIRECT_DATABASE_URL beside DATABASE_URL", () => {
  it("may differ in host and port (PgBouncer in between), not in database or role", () => {
    expect(() => checkDirectUrl("postgresql://app:x@127.0.0.1:6432/moddesk", "postgresql://app:x@127.0.0.1:5432/moddesk")).not.toThrow();
    expect(() => checkDirectUrl("postgresql://app:x@127.0.0.1:6432/moddesk", "postgresql://app:x@127.0.0.1:5432/other")).toThrow(/DIRECT_DATABASE_URL \(app@other\) must name the database and role of DATABASE_URL \(app@moddesk\)/);
    expect(() => checkDirectUrl("postgresql://app:x@127.0.0.1:6432/moddesk", "postgresql://owner:x@127.0.0.1:5432/moddesk")).toThrow(/owner@moddesk/);
  });
});
