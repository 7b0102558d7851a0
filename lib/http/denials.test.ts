import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { deniedStatus, routePattern } from "@/lib/http/denials";

describe("which refusals are recorded", () => {
  it("records every 403, whoever asked", () => {
    const forbidden = new AppError("forbidden", "No.");
    expect(deniedStatus(forbidden, "session")).toBe(403);
    expect(deniedStatus(forbidden, "token")).toBe(403);
    expect(deniedStatus(forbidden, null)).toBe(403);
  });

  it("records a 404 only when it hides an object that exists", () => {
    expect(deniedStatus(new AppError("not_found", "No such annotation.", { concealed: true }), "session")).toBe(404);
    expect(deniedStatus(new AppError("not_found", "No such annotation."), "session")).toBeNull();
  });

  it("records a 401 for a refused credential, never for a request that carried none", () => {
    const unauthenticated = new AppError("unauthenticated", "Sign in to continue.");
    expect(deniedStatus(unauthenticated, "token")).toBe(401);
    expect(deniedStatus(unauthenticated, "session")).toBe(401);
    expect(deniedStatus(unauthenticated, null)).toBeNull();
  });

  it("records no other failure", () => {
    for (const code of ["invalid_input", "conflict", "stale_version", "rate_limited", "unavailable"] as const) {
      expect(deniedStatus(new AppError(code, "x"), "session")).toBeNull();
    }
    expect(deniedStatus(new Error("bug"), "session")).toBeNull();
  });
});

describe("the route of a request", () => {
  it("names the route as its folder does, with each parameter in brackets", () => {
    expect(routePattern("PATCH", "/api/annotations/cm1abc", { id: "cm1abc" })).toBe("PATCH /api/annotations/[id]");
    expect(routePattern("GET", "/api/articles/a1/versions/2/export", { id: "a1", n: "2" })).toBe(
      "GET /api/articles/[id]/versions/[n]/export",
    );
    expect(routePattern("POST", "/api/articles", {})).toBe("POST /api/articles");
  });

  it("matches encoded parameter values and keeps malformed escapes as sent", () => {
    expect(routePattern("GET", "/api/claims/a%20b", { id: "a b" })).toBe("GET /api/claims/[id]");
    expect(routePattern("GET", "/api/claims/%E0%A4%A", { id: "x" })).toBe("GET /api/claims/%E0%A4%A");
  });
});
