import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/users/sign-up";
import { createUser } from "@/lib/users/create-user";
import { AccountDisabledError, verifyCredentials } from "@/lib/users/verify-credentials";
import { resolveActor } from "@/lib/users/resolve-actor";
import { AppError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "./factories";

const countUsers = () => db.user.count();

describe("sign-up", () => {
  it("refuses a taken email with a field error and creates nothing", async () => {
    const existing = await makeUser("reviewer");
    const before = await countUsers();
    const error = await signUp({ input: { name: "Twin", email: existing.email.toUpperCase(), password: "another passphrase" } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict", fields: { email: "An account with this email already exists." } });
    expect(await countUsers()).toBe(before);
  });

  it.each([
    ["short", "Use at least 8 characters."],
    ["password123", "This password is too common; choose another."],
    ["x".repeat(129), "Use at most 128 characters."],
  ])("refuses the password %#", async (password, message) => {
    const before = await countUsers();
    await expect(signUp({ input: { name: "Pat", email: "pat@example.test", password } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { password: message },
    });
    expect(await countUsers()).toBe(before);
  });

  it("refuses fields a client may not set, such as its own role", async () => {
    const before = await countUsers();
    await expect(
      signUp({ input: { name: "Mallory", email: "mallory@example.test", password: "long enough pass", role: "admin" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await countUsers()).toBe(before);
  });

  it("creates a reviewer whose password hash is never returned", async () => {
    const user = await signUp({ input: { name: "Nora", email: "Nora@Example.test", password: "a fine passphrase" } });
    expect(user).toEqual({ id: expect.any(String), name: "Nora", email: "nora@example.test", role: "reviewer" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditEvent.findMany({ where: { targetId: user.id } });
    expect(audit.map((event) => event.action)).toEqual(["user.signed_up"]);
  });

  it("is closed when FACTDESK_SIGNUP=off", async () => {
    process.env.FACTDESK_SIGNUP = "off";
    try {
      await expect(signUp({ input: { name: "Late", email: "late@example.test", password: "long enough pass" } })).rejects.toMatchObject({
        code: "forbidden",
      });
    } finally {
      delete process.env.FACTDESK_SIGNUP;
    }
  });
});

describe("creating users", () => {
  it("is for administrators only", async () => {
    const editor = await makeUser("editor");
    const before = await countUsers();
    await expect(
      createUser({ actor: editor, input: { name: "X", email: "x@example.test", password: TEST_PASSWORD, role: "admin" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await countUsers()).toBe(before);
  });
});

describe("signing in", () => {
  it("accepts the right password and records the attempt", async () => {
    const user = await makeUser("reviewer");
    const verified = await verifyCredentials({ email: user.email, password: TEST_PASSWORD });
    expect(verified).toMatchObject({ id: user.id, role: "reviewer", tokenVersion: 0 });
    const events = await db.auditEvent.findMany({ where: { targetId: user.id, action: { startsWith: "auth." } } });
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in"]);
  });

  it("refuses a wrong password, an unknown email and a disabled account", async () => {
    const user = await makeUser("reviewer");
    expect(await verifyCredentials({ email: user.email, password: "wrong password" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.test", password: TEST_PASSWORD })).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(verifyCredentials({ email: user.email, password: TEST_PASSWORD })).rejects.toThrow(AccountDisabledError);
  });

  it("takes the role from the database and drops sessions older than the token version", async () => {
    const user = await makeUser("reviewer");
    await db.user.update({ where: { id: user.id }, data: { role: "editor" } });
    expect(await resolveActor({ userId: user.id, tokenVersion: 0 })).toMatchObject({ role: "editor" });
    await db.user.update({ where: { id: user.id }, data: { tokenVersion: 1 } });
    expect(await resolveActor({ userId: user.id, tokenVersion: 0 })).toBeNull();
    expect(await resolveActor({ userId: "no-such-user", tokenVersion: 0 })).toBeNull();
  });
});
