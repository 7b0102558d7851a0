import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM, type Actor } from "@/lib/auth/actor";
import { changePassword } from "@/lib/users/change-password";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { listUsers, type AccountPage } from "@/lib/users/list-users";
import type { AccountDTO } from "@/lib/users/present";
import { changeUserRole } from "@/lib/users/change-user-role";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { resolveActor } from "@/lib/users/resolve-actor";
import { AccountDisabledError, verifyCredentials } from "@/lib/users/verify-credentials";
import { resolveBearerToken } from "@/lib/tokens/resolve-bearer-token";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { makeUser, TEST_PASSWORD } from "./factories";

const NEW_PASSWORD = "a brand new passphrase";

/** The columns a refused change must leave alone, and the user's audit trail. */
async function snapshot(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, tokenVersion: true, role: true, disabledAt: true },
  });
  const events = await db.auditEvent.count({ where: { targetType: "user", targetId: userId, action: { startsWith: "user." } } });
  return { ...user, events };
}

async function eventsFor(userId: string, action: string) {
  return db.auditEvent.findMany({ where: { targetType: "user", targetId: userId, action }, orderBy: { createdAt: "asc" } });
}

describe("changing one's password", () => {
  it("needs a signed-in user, from a browser session", async () => {
    const user = await makeUser("reviewer");
    const before = await snapshot(user.id);
    const input = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    await expect(changePassword({ actor: null, credential: null, input })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(changePassword({ actor: user, credential: "token", input })).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot(user.id)).toEqual(before);
  });

  it("refuses a wrong current password with a field error, records the attempt, and changes nothing else", async () => {
    const user = await makeUser("reviewer");
    const before = await snapshot(user.id);
    await expect(
      changePassword({ actor: user, credential: "session", input: { currentPassword: "not my password", newPassword: NEW_PASSWORD } }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { currentPassword: "That is not your current password." } });
    const after = await snapshot(user.id);
    expect({ ...after, events: before.events }).toEqual(before);
    expect((await eventsFor(user.id, "user.password_change_failed")).length).toBe(1);
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ id: user.id });
  });

  it.each([
    [{ currentPassword: TEST_PASSWORD, newPassword: "short" }, { newPassword: "Use at least 8 characters." }],
    [{ currentPassword: TEST_PASSWORD, newPassword: "password123" }, { newPassword: "This password is too common; choose another." }],
    [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, { newPassword: "Choose a password different from your current one." }],
    [{ currentPassword: "", newPassword: NEW_PASSWORD }, { currentPassword: "Enter your current password." }],
    [{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, role: "admin" }, { role: "This field cannot be set here." }],
  ])("refuses the input %# and changes nothing", async (input, fields) => {
    const user = await makeUser("reviewer");
    const before = await snapshot(user.id);
    await expect(changePassword({ actor: user, credential: "session", input })).rejects.toMatchObject({ code: "invalid_input", fields });
    expect(await snapshot(user.id)).toEqual(before);
  });

  it("accepts a 64-character passphrase, ends every session, keeps access tokens, and audits without the hash", async () => {
    const user = await makeUser("reviewer");
    const { secret } = await createAccessToken({ actor: user, credential: "session", input: { name: "script" } });
    const long = "correct horse battery staple ".repeat(3).slice(0, 64);
    await changePassword({ actor: user, credential: "session", input: { currentPassword: TEST_PASSWORD, newPassword: long } });

    expect(await resolveActor({ userId: user.id, tokenVersion: 0 })).toBeNull();
    expect(await resolveActor({ userId: user.id, tokenVersion: 1 })).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: long })).toMatchObject({ id: user.id, tokenVersion: 1 });
    expect(await resolveBearerToken(secret)).toMatchObject({ id: user.id });

    const [event] = await eventsFor(user.id, "user.password_changed");
    expect(event).toMatchObject({ actorId: user.id, targetType: "user", targetId: user.id });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(JSON.stringify(event)).not.toContain(row.passwordHash);
    expect(JSON.stringify(event)).not.toContain(long);
  });

  it("answers rate_limited after five wrong current passwords, even for the right one", async () => {
    const user = await makeUser("reviewer");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(
        changePassword({ actor: user, credential: "session", input: { currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD } }),
      ).rejects.toMatchObject({ code: "invalid_input" });
    }
    const before = await snapshot(user.id);
    await expect(
      changePassword({ actor: user, credential: "session", input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(await snapshot(user.id)).toEqual(before);
  });
});

describe("signing out everywhere", () => {
  it("needs a signed-in user, from a browser session, and no parameters", async () => {
    const user = await makeUser("reviewer");
    const before = await snapshot(user.id);
    await expect(signOutEverywhere({ actor: null, credential: null })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(signOutEverywhere({ actor: user, credential: "token" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(signOutEverywhere({ actor: user, credential: "session", input: { userId: "someone" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await snapshot(user.id)).toEqual(before);
  });

  it("ends every session of the account, keeps its access tokens, and records it", async () => {
    const user = await makeUser("editor");
    const other = await makeUser("reviewer");
    const { secret } = await createAccessToken({ actor: user, credential: "session", input: { name: "cms" } });
    await signOutEverywhere({ actor: user, credential: "session" });
    expect(await resolveActor({ userId: user.id, tokenVersion: 0 })).toBeNull();
    expect(await resolveActor({ userId: other.id, tokenVersion: 0 })).toMatchObject({ id: other.id });
    expect(await resolveBearerToken(secret)).toMatchObject({ id: user.id });
    const [event] = await eventsFor(user.id, "user.signed_out_everywhere");
    expect(event).toMatchObject({ actorId: user.id, before: { tokenVersion: 0 }, after: { tokenVersion: 1 } });
  });
});

/** Every account, page by page. */
async function everyAccount(admin: Actor): Promise<AccountDTO[]> {
  const accounts: AccountDTO[] = [];
  let cursor: string | null = null;
  do {
    const page: AccountPage = await listUsers({ actor: admin, input: cursor ? { cursor, limit: 100 } : { limit: 100 } });
    accounts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return accounts;
}

describe("user management", () => {
  it("is for administrators only", async () => {
    const target = await makeUser("reviewer");
    const before = await snapshot(target.id);
    for (const actor of [null, await makeUser("reviewer"), await makeUser("editor")]) {
      const code = actor ? "forbidden" : "unauthenticated";
      await expect(listUsers({ actor })).rejects.toMatchObject({ code });
      await expect(changeUserRole({ actor, userId: target.id, input: { role: "admin" } })).rejects.toMatchObject({ code });
      await expect(disableUser({ actor, userId: target.id })).rejects.toMatchObject({ code });
      await expect(enableUser({ actor, userId: target.id })).rejects.toMatchObject({ code });
    }
    expect(await snapshot(target.id)).toEqual(before);
  });

  it("lists accounts with role and status, never a hash", async () => {
    const admin = await makeUser("admin");
    const target = await makeUser("editor", "Listed Editor");
    await disableUser({ actor: admin, userId: target.id });
    const users = await everyAccount(admin);
    const listed = users.find((user) => user.id === target.id);
    expect(listed).toEqual({
      id: target.id,
      name: "Listed Editor",
      email: target.email,
      role: "editor",
      status: "disabled",
      disabledAt: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash|tokenVersion/);
  });

  it("pages through every account exactly once, by name, with a cursor like every list", async () => {
    const admin = await makeUser("admin");
    const pages: AccountDTO[][] = [];
    let cursor: string | null = null;
    do {
      const page: AccountPage = await listUsers({ actor: admin, input: { limit: 7, ...(cursor ? { cursor } : {}) } });
      expect(page.items.length).toBeLessThanOrEqual(7);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // The pages, joined, are the whole table in one read's order: none skipped, none twice.
    const oneRead = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }, { id: "asc" }], select: { id: true } });
    expect(pages.flat().map((user) => user.id)).toEqual(oneRead.map((user) => user.id));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.at(-1)?.length).toBeGreaterThan(0);
  });

  it("refuses a malformed page size with a clear 400", async () => {
    const admin = await makeUser("admin");
    await expect(listUsers({ actor: admin, input: { limit: "0" } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(listUsers({ actor: admin, input: { limit: "500" } })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("changes a role from the next request on, without ending sessions, and audits it", async () => {
    const admin = await makeUser("admin");
    const target = await makeUser("reviewer");
    const changed = await changeUserRole({ actor: admin, userId: target.id, input: { role: "editor" } });
    expect(changed).toMatchObject({ id: target.id, role: "editor", status: "active" });
    expect(await resolveActor({ userId: target.id, tokenVersion: 0 })).toMatchObject({ role: "editor" });
    const events = await eventsFor(target.id, "user.role_changed");
    expect(events).toEqual([
      expect.objectContaining({ actorId: admin.id, before: { role: "reviewer" }, after: { role: "editor" } }),
    ]);
    // The same role again is no change, and leaves no event.
    await changeUserRole({ actor: admin, userId: target.id, input: { role: "editor" } });
    expect(await eventsFor(target.id, "user.role_changed")).toHaveLength(1);
  });

  it("refuses a bad role, extra fields and unknown accounts, changing nothing", async () => {
    const admin = await makeUser("admin");
    const target = await makeUser("reviewer");
    const before = await snapshot(target.id);
    await expect(changeUserRole({ actor: admin, userId: target.id, input: { role: "owner" } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { role: "Role must be reviewer, editor or admin." },
    });
    await expect(changeUserRole({ actor: admin, userId: target.id, input: { role: "editor", tokenVersion: 0 } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(disableUser({ actor: admin, userId: target.id, input: { reason: "x" } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(changeUserRole({ actor: admin, userId: "no-such-user", input: { role: "editor" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(disableUser({ actor: admin, userId: "no-such-user" })).rejects.toMatchObject({ code: "not_found" });
    await expect(enableUser({ actor: admin, userId: "no-such-user" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(target.id)).toEqual(before);
  });

  it("refuses to let an administrator demote or disable themselves", async () => {
    const admin = await makeUser("admin");
    const before = await snapshot(admin.id);
    await expect(changeUserRole({ actor: admin, userId: admin.id, input: { role: "editor" } })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("your own role"),
    });
    await expect(disableUser({ actor: admin, userId: admin.id })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("your own account"),
    });
    expect(await snapshot(admin.id)).toEqual(before);
  });

  it("disables an account: sessions and tokens refused, sign-in says why; re-enabling brings back sign-in, not old sessions", async () => {
    const admin = await makeUser("admin");
    const target = await makeUser("reviewer");
    const { secret } = await createAccessToken({ actor: target, credential: "session", input: { name: "cli" } });

    const disabled = await disableUser({ actor: admin, userId: target.id });
    expect(disabled).toMatchObject({ status: "disabled", disabledAt: expect.any(String) });
    expect(await resolveActor({ userId: target.id, tokenVersion: 0 })).toBeNull();
    expect(await resolveBearerToken(secret)).toBeNull();
    await expect(verifyCredentials({ email: target.email, password: TEST_PASSWORD })).rejects.toThrow(AccountDisabledError);
    // Disabling twice changes nothing more.
    await disableUser({ actor: admin, userId: target.id });
    expect(await eventsFor(target.id, "user.disabled")).toEqual([
      expect.objectContaining({ actorId: admin.id, before: { disabledAt: null }, after: { disabledAt: disabled.disabledAt } }),
    ]);

    const enabled = await enableUser({ actor: admin, userId: target.id });
    expect(enabled).toMatchObject({ status: "active", disabledAt: null, role: "reviewer" });
    expect(await resolveActor({ userId: target.id, tokenVersion: 0 })).toBeNull();
    expect(await verifyCredentials({ email: target.email, password: TEST_PASSWORD })).toMatchObject({ id: target.id, tokenVersion: 1 });
    expect(await resolveBearerToken(secret)).toMatchObject({ id: target.id });
    expect(await eventsFor(target.id, "user.enabled")).toEqual([
      expect.objectContaining({ actorId: admin.id, before: { disabledAt: disabled.disabledAt }, after: { disabledAt: null } }),
    ]);
    await enableUser({ actor: admin, userId: target.id });
    expect(await eventsFor(target.id, "user.enabled")).toHaveLength(1);
  });

  describe("with exactly two enabled administrators", () => {
    let parked: string[] = [];
    let first: Actor;
    let second: Actor;

    // Other tests leave administrators behind; park them so these two are the desk's only ones.
    beforeEach(async () => {
      const others = await db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { id: true } });
      parked = others.map((user) => user.id);
      await db.user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: new Date() } });
      first = await makeUser("admin");
      second = await makeUser("admin");
    });

    afterEach(async () => {
      await db.user.updateMany({ where: { id: { in: parked } }, data: { disabledAt: null } });
    });

    it("never loses the last one, even when both demote each other at once", async () => {
      const results = await Promise.allSettled([
        changeUserRole({ actor: first, userId: second.id, input: { role: "editor" } }),
        changeUserRole({ actor: second, userId: first.id, input: { role: "editor" } }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
      expect(await db.user.count({ where: { id: { in: [first.id, second.id] }, role: "admin", disabledAt: null } })).toBe(1);
    });

    it("refuses to disable the last one, even for the system", async () => {
      await disableUser({ actor: first, userId: second.id });
      const before = await snapshot(first.id);
      await expect(disableUser({ actor: SYSTEM, userId: first.id })).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("last active administrator"),
      });
      await expect(changeUserRole({ actor: SYSTEM, userId: first.id, input: { role: "reviewer" } })).rejects.toMatchObject({
        code: "conflict",
      });
      expect(await snapshot(first.id)).toEqual(before);
    });
  });
});
