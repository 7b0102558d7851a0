import { describe, expect, it } from "vitest";
import { can, assertCan } from "@/lib/auth/policy";
import { SYSTEM, type Actor } from "@/lib/auth/actor";

const user = (role: Actor["role"]): Actor => ({ kind: "user", id: `u-${role}`, name: role, email: `${role}@example.test`, role });

describe("the policy table", () => {
  it("denies by default: no actor, an unknown action, or an inherited property name", () => {
    expect(can(null, "article.read")).toBe(false);
    expect(can(undefined, "article.read")).toBe(false);
    expect(can(user("admin"), "article.frobnicate")).toBe(false);
    expect(can(user("admin"), "toString")).toBe(false);
    expect(can(user("admin"), "__proto__")).toBe(false);
  });

  it("grants by minimum role", () => {
    expect(can(user("reviewer"), "article.read")).toBe(true);
    expect(can(user("reviewer"), "article.import")).toBe(false);
    expect(can(user("editor"), "article.import")).toBe(true);
    expect(can(user("editor"), "user.manage")).toBe(false);
    expect(can(user("admin"), "user.manage")).toBe(true);
    expect(can(SYSTEM, "user.manage")).toBe(true);
    expect(can(user("reviewer"), "account.manage.own")).toBe(true);
  });

  it("throws unauthenticated without an actor and forbidden when the role is too low", () => {
    expect(() => assertCan(null, "article.read")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => assertCan(user("reviewer"), "article.import")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => assertCan(user("editor"), "article.import")).not.toThrow();
  });
});
