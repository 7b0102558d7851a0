/**
 * The sign-in limits (lib/auth/sign-in-throttle.ts), both sides: a guesser is held to the
 * stated budget however many addresses they use, and the account's owner still gets in from
 * where they signed in before.
 */
import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import {
  ACCOUNT_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
  MAX_UNKNOWN_FAILURES_PER_ACCOUNT,
} from "@/lib/auth/sign-in-throttle";
import { makeUser, TEST_PASSWORD } from "./factories";

/** A fresh documentation address (RFC 5737) per call. */
const address = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;

const guess = (email: string, from: string) => verifyCredentials({ email, password: `wrong ${randomUUID()}` }, { address: from });
const signIn = (email: string, from: string) => verifyCredentials({ email, password: TEST_PASSWORD }, { address: from });

describe("a guesser", () => {
  it(`gets ${MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS} tries at an account from one address, then not even the right password works from there`, async () => {
    const user = await makeUser("reviewer");
    const from = address();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; attempt += 1) expect(await guess(user.email, from)).toBeNull();
    expect(await signIn(user.email, from)).toBeNull();
    // Elsewhere the account is not affected, and neither is another account from here.
    expect(await signIn(user.email, address())).toMatchObject({ id: user.id });
    const other = await makeUser("reviewer");
    expect(await signIn(other.email, from)).toMatchObject({ id: other.id });
  });

  it(`gets at most ${MAX_UNKNOWN_FAILURES_PER_ACCOUNT} tries an hour at an account, however many addresses they use`, async () => {
    const user = await makeUser("reviewer");
    for (let attempt = 0; attempt < MAX_UNKNOWN_FAILURES_PER_ACCOUNT; attempt += 1) expect(await guess(user.email, address())).toBeNull();
    // The next try, from yet another address, is refused before the password is checked:
    // even the right password does not get in, and no further failure is recorded.
    expect(await signIn(user.email, address())).toBeNull();
    const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: user.id } });
    expect(failures).toBe(MAX_UNKNOWN_FAILURES_PER_ACCOUNT);
  });

  it("is held per account for unknown emails too, so probing for accounts gains nothing", async () => {
    const email = `nobody-${randomUUID()}@example.test`;
    for (let attempt = 0; attempt < MAX_UNKNOWN_FAILURES_PER_ACCOUNT; attempt += 1) await guess(email, address());
    await guess(email, address());
    const failures = await db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: email } });
    expect(failures).toBe(MAX_UNKNOWN_FAILURES_PER_ACCOUNT);
  });

  it(`spraying from one address: after ${MAX_FAILURES_PER_ADDRESS} failures it is closed to accounts that never signed in from it`, async () => {
    const from = address();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) await guess(`nobody-${randomUUID()}@example.test`, from);
    const user = await makeUser("reviewer");
    expect(await signIn(user.email, from)).toBeNull();
    expect(await signIn(user.email, address())).toMatchObject({ id: user.id });
  });

  it("failures older than the hour no longer count", async () => {
    const user = await makeUser("reviewer");
    const old = new Date(Date.now() - ACCOUNT_WINDOW_MS - 60_000);
    await db.auditEvent.createMany({
      data: Array.from({ length: MAX_UNKNOWN_FAILURES_PER_ACCOUNT }, () => ({
        action: "auth.sign_in_failed",
        targetType: "user",
        targetId: user.id,
        after: { address: address() },
        createdAt: old,
      })),
    });
    expect(await signIn(user.email, address())).toMatchObject({ id: user.id });
  });
});

describe("the account's owner", () => {
  it("still gets in from where they signed in before, while strangers have used up the account's hourly budget", async () => {
    const user = await makeUser("reviewer");
    const home = address();
    expect(await signIn(user.email, home)).toMatchObject({ id: user.id });
    for (let attempt = 0; attempt < MAX_UNKNOWN_FAILURES_PER_ACCOUNT + 5; attempt += 1) await guess(user.email, address());
    // A stranger's right password (stolen, say) from a new place is refused for now…
    expect(await signIn(user.email, address())).toBeNull();
    // …the owner at home is not.
    expect(await signIn(user.email, home)).toMatchObject({ id: user.id });
  });

  it("still gets in from their usual address when someone else there sprayed other accounts", async () => {
    const user = await makeUser("reviewer");
    const office = address();
    expect(await signIn(user.email, office)).toMatchObject({ id: user.id });
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS + 5; attempt += 1) await guess(`nobody-${randomUUID()}@example.test`, office);
    expect(await signIn(user.email, office)).toMatchObject({ id: user.id });
  });

  it("a few typos of their own do not lock them out", async () => {
    const user = await makeUser("reviewer");
    const from = address();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; attempt += 1) await guess(user.email, from);
    expect(await signIn(user.email, from)).toMatchObject({ id: user.id });
  });
});

describe("the record of attempts", () => {
  it("has failures for unknown emails and wrong passwords alike, with the address and no password", async () => {
    const user = await makeUser("reviewer");
    const from = address();
    await verifyCredentials({ email: user.email, password: "secret-wrong-1" }, { address: from });
    await verifyCredentials({ email: "ghost@example.test", password: "secret-wrong-2" }, { address: from });
    const events = await db.auditEvent.findMany({
      where: { action: "auth.sign_in_failed", after: { path: ["address"], equals: from } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => [event.targetType, event.targetId])).toEqual([
      ["user", user.id],
      ["email", "ghost@example.test"],
    ]);
    expect(JSON.stringify(events)).not.toContain("secret-wrong");
  });
});
