import { describe, expect, it } from "vitest";
import { runFirstRun } from "@/lib/setup/first-run";
import { db } from "@/lib/db/client";

describe("the first start with a chosen admin email", () => {
  it("creates the first admin with that email instead of the README's demo address", async () => {
    const first = await runFirstRun(() => {}, { adminEmail: "Desk.Chief@Example.org" });
    expect(first.demoAdmin?.email).toBe("desk.chief@example.org");
    expect(await db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "desk.chief@example.org", role: "admin" }]);
    // A later start with another address changes nothing: the option only names the first admin.
    const again = await runFirstRun(() => {}, { adminEmail: "someone.else@example.org" });
    expect(again.demoAdmin).toBeUndefined();
    expect(again.adminEmail).toBe("desk.chief@example.org");
  });
});
