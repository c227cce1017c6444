import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { createApiToken } from "./api-token";
import { changeOwnPassword } from "./change-own-password";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { resetPassword } from "./reset-password";
import { setUserDisabled } from "./set-user-disabled";

const stamp = () => randomBytes(4).toString("hex");

async function makeUser(role: "admin" | "moderator") {
  const created = await createUser(db, { email: `acct-${role}-${stamp()}@test.example`, role }, SYSTEM_ACTOR);
  await db.session.create({ data: { id: `s-${stamp()}`, token: `t-${stamp()}`, userId: created.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  return created;
}

async function auditFor(userId: string) {
  return db.auditEvent.findMany({ where: { entityType: "user", entityId: userId }, orderBy: { id: "asc" }, select: { action: true, details: true, actorLabel: true } });
}

/** Leaves exactly one enabled admin, `keep`, so the last-admin guard can be exercised. */
async function onlyAdmin(keep: string) {
  await db.user.updateMany({ where: { role: "admin", NOT: { id: keep } }, data: { role: "moderator" } });
  await db.user.update({ where: { id: keep }, data: { role: "admin", disabledAt: null } });
}

describe("accounts", () => {
  it("disabling ends sessions and revokes API tokens at once, keeps the user and audits it; enabling restores sign-in only", async () => {
    const admin = await makeUser("admin");
    const leaving = await makeUser("moderator");
    await createApiToken({ name: "feed", scopes: ["comments:read"] }, { id: leaving.id, label: leaving.email });
    const actor = { id: admin.id, label: admin.email };
    const change = await setUserDisabled(db, { userId: leaving.id, isDisabled: true }, actor);
    expect(change).toMatchObject({ isDisabled: true, sessionsEnded: 1, tokensRevoked: 1 });
    expect(await db.session.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.apiToken.count({ where: { createdById: leaving.id, revokedAt: null } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: leaving.id } })).disabledAt).not.toBeNull();
    await expect(setUserDisabled(db, { userId: leaving.id, isDisabled: true }, actor)).rejects.toMatchObject({ code: "CONFLICT" });
    await setUserDisabled(db, { userId: leaving.id, isDisabled: false }, actor);
    expect((await db.user.findUniqueOrThrow({ where: { id: leaving.id } })).disabledAt).toBeNull();
    expect(await db.apiToken.count({ where: { createdById: leaving.id, revokedAt: null } })).toBe(0);
    const events = await auditFor(leaving.id);
    expect(events.map((event) => event.action)).toEqual(["user.create", "user.disable", "user.enable"]);
    expect(events[1]).toMatchObject({ actorLabel: admin.email, details: { email: leaving.email, sessionsEnded: 1, tokensRevoked: 1 } });
  });

  it("refuses to disable or demote the last enabled admin, and to disable oneself", async () => {
    const admin = await makeUser("admin");
    await onlyAdmin(admin.id);
    const other = await makeUser("moderator");
    const otherActor = { id: other.id, label: other.email };
    await expect(changeUserRole(db, { userId: admin.id, role: "moderator" }, otherActor)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/last admin/) });
    await expect(setUserDisabled(db, { userId: admin.id, isDisabled: true }, otherActor)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserDisabled(db, { userId: admin.id, isDisabled: true }, { id: admin.id, label: admin.email })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("two admins demoting each other at the same moment leave one admin, never none", async () => {
    const first = await makeUser("admin");
    await onlyAdmin(first.id);
    const second = await makeUser("admin");
    const results = await Promise.allSettled([
      changeUserRole(db, { userId: first.id, role: "moderator" }, { id: second.id, label: second.email }),
      changeUserRole(db, { userId: second.id, role: "moderator" }, { id: first.id, label: first.email }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  it("a role change is audited with before and after", async () => {
    const admin = await makeUser("admin");
    const moderator = await makeUser("moderator");
    await changeUserRole(db, { userId: moderator.id, role: "admin" }, { id: admin.id, label: admin.email });
    await changeUserRole(db, { userId: moderator.id, role: "moderator" }, { id: admin.id, label: admin.email });
    const events = await auditFor(moderator.id);
    expect(events.slice(1).map((event) => event.details)).toEqual([
      { email: moderator.email, before: { role: "moderator" }, after: { role: "admin" } },
      { email: moderator.email, before: { role: "admin" }, after: { role: "moderator" } },
    ]);
  });

  it("a password reset also revokes that user's API tokens and ends their sessions", async () => {
    const moderator = await makeUser("moderator");
    await db.apiToken.create({ data: { name: "feed", tokenHash: stamp(), prefix: "mdk_", createdById: moderator.id } });
    await resetPassword(moderator.email, SYSTEM_ACTOR);
    expect(await db.apiToken.count({ where: { createdById: moderator.id, revokedAt: null } })).toBe(0);
    expect(await db.session.count({ where: { userId: moderator.id } })).toBe(0);
    expect((await auditFor(moderator.id)).at(-1)).toMatchObject({ action: "user.reset_password", details: { tokensRevoked: 1, sessionsEnded: 1 } });
  });

  it("users change their own password with the current one; other sessions end, this one stays", async () => {
    const moderator = await makeUser("moderator");
    const keep = await db.session.create({ data: { id: `keep-${stamp()}`, token: `k-${stamp()}`, userId: moderator.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const base = { userId: moderator.id, email: moderator.email, keepSessionId: keep.id, ipAddress: "192.0.2.44" };
    await expect(changeOwnPassword(db, { ...base, currentPassword: "wrong-password-here", newPassword: "a-new-long-password" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(changeOwnPassword(db, { ...base, currentPassword: moderator.password, newPassword: "short" })).rejects.toMatchObject({ code: "INVALID" });
    await changeOwnPassword(db, { ...base, currentPassword: moderator.password, newPassword: "a-new-long-password" });
    expect(await db.session.findMany({ where: { userId: moderator.id }, select: { id: true } })).toEqual([{ id: keep.id }]);
    await expect(changeOwnPassword(db, { ...base, currentPassword: moderator.password, newPassword: "another-long-password" })).rejects.toMatchObject({ code: "INVALID" });
    expect((await auditFor(moderator.id)).at(-1)).toMatchObject({ action: "user.change_password", actorLabel: moderator.email });
  });

  it("guessing the current password on a borrowed screen is throttled like a sign-in: the sixth guess is refused, the right one too", async () => {
    const moderator = await makeUser("moderator");
    const base = { userId: moderator.id, email: moderator.email, keepSessionId: null, ipAddress: "192.0.2.45", newPassword: "a-new-long-password" };
    for (let guess = 0; guess < 5; guess++) await expect(changeOwnPassword(db, { ...base, currentPassword: `guess-number-${guess}` })).rejects.toMatchObject({ code: "INVALID" });
    await expect(changeOwnPassword(db, { ...base, currentPassword: "guess-number-6" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(changeOwnPassword(db, { ...base, currentPassword: moderator.password })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.signInAttempt.count({ where: { email: moderator.email, succeeded: false } })).toBe(5);
  });
});
