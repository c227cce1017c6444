import { describe, expect, it } from "vitest";
import { isAdminShutdown } from "./admin-shutdown";

describe("isAdminShutdown", () => {
  it("is true only for PostgreSQL's 57P01 (stopped on purpose), not for an outage", () => {
    expect(isAdminShutdown(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isAdminShutdown(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isAdminShutdown(Object.assign(new Error("the database system is in recovery mode"), { code: "57P03" }))).toBe(false);
    expect(isAdminShutdown(new Error("Connection terminated unexpectedly"))).toBe(false);
    expect(isAdminShutdown(null)).toBe(false);
  });
});
