import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/sign-in-throttle";
import { makeUser, TEST_PASSWORD } from "./factories";

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

describe("sign-in limits", () => {
  it(`refuse even the right password after ${MAX_FAILURES_PER_ACCOUNT} failures for one account`, async () => {
    const user = await makeUser("reviewer");
    const from = address();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      expect(await verifyCredentials({ email: user.email, password: "wrong guess" }, { address: `${from}-${attempt}` })).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, { address: address() })).toBeNull();
    // Another account is not affected.
    const other = await makeUser("reviewer");
    expect(await verifyCredentials({ email: other.email, password: TEST_PASSWORD }, { address: from })).toMatchObject({ id: other.id });
  });

  it("let an account sign in after fewer failures", async () => {
    const user = await makeUser("reviewer");
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT - 1; attempt += 1) {
      await verifyCredentials({ email: user.email, password: "wrong guess" }, { address: address() });
    }
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, { address: address() })).toMatchObject({ id: user.id });
  });

  it(`refuse a client address after ${MAX_FAILURES_PER_ADDRESS} failures, whatever the accounts`, async () => {
    const from = address();
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
      await verifyCredentials({ email: `nobody-${randomUUID()}@example.test`, password: "guess" }, { address: from });
    }
    const user = await makeUser("reviewer");
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, { address: from })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, { address: address() })).toMatchObject({ id: user.id });
  });

  it("record failures for unknown emails and wrong passwords alike, with the address and no password", async () => {
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
