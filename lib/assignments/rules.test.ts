import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/auth/actor";
import { assertMayAssign, claimAssignAbilities } from "@/lib/assignments/rules";

const person = (id: string, role: Role): Actor => ({ kind: "user", id, name: id, email: `${id}@example.test`, role });
const alice = person("alice", "reviewer");
const erin = person("erin", "editor");

describe("who may assign whom", () => {
  it("editors assign anyone, reassign and clear, on claims and articles", () => {
    for (const target of ["claim", "article"] as const) {
      expect(() => assertMayAssign(erin, { target, current: null, requested: "bob" })).not.toThrow();
      expect(() => assertMayAssign(erin, { target, current: "bob", requested: "alice" })).not.toThrow();
      expect(() => assertMayAssign(erin, { target, current: "bob", requested: null })).not.toThrow();
    }
  });

  it("a reviewer takes an unassigned claim, keeps or hands back their own, and nothing more", () => {
    expect(() => assertMayAssign(alice, { target: "claim", current: null, requested: "alice" })).not.toThrow();
    expect(() => assertMayAssign(alice, { target: "claim", current: "alice", requested: "alice" })).not.toThrow();
    expect(() => assertMayAssign(alice, { target: "claim", current: "alice", requested: null })).not.toThrow();
    expect(() => assertMayAssign(alice, { target: "claim", current: null, requested: "bob" })).toThrow(/editor assigns others/);
    expect(() => assertMayAssign(alice, { target: "claim", current: "bob", requested: "alice" })).toThrow(/someone else/);
    expect(() => assertMayAssign(alice, { target: "claim", current: "bob", requested: null })).toThrow(/someone else/);
    expect(() => assertMayAssign(alice, { target: "article", current: null, requested: "alice" })).toThrow(/Only editors/);
  });

  it("offers the controls that match", () => {
    expect(claimAssignAbilities(alice, null)).toEqual({ assign: false, take: true, release: false });
    expect(claimAssignAbilities(alice, "alice")).toEqual({ assign: false, take: false, release: true });
    expect(claimAssignAbilities(alice, "bob")).toEqual({ assign: false, take: false, release: false });
    expect(claimAssignAbilities(erin, "bob")).toEqual({ assign: true, take: false, release: true });
  });
});
