import { describe, expect, it } from "vitest";
import { contractProblem } from "./contract";

const token = { id: "t1", name: "CI", prefix: "fd_abcd", createdAt: "2026-01-01T00:00:00.000Z", lastUsedAt: null, revokedAt: null };

describe("checking an answer against the API reference", () => {
  it("accepts an answer as documented", () => {
    expect(contractProblem("GET", "/api/tokens", 200, "application/json; charset=utf-8", JSON.stringify({ items: [token], nextCursor: null }))).toBeNull();
    expect(
      contractProblem("GET", "/api/claims/[id]", 404, "application/json", JSON.stringify({ error: { code: "not_found", message: "No such claim." } })),
    ).toBeNull();
    expect(contractProblem("DELETE", "/api/tokens/[id]", 204, undefined, "")).toBeNull();
  });

  it("refuses a body that lacks a field, has one too many, or the wrong type", () => {
    const { prefix: _, ...withoutPrefix } = token;
    expect(contractProblem("GET", "/api/tokens", 200, "application/json", JSON.stringify({ items: [withoutPrefix], nextCursor: null }))).toMatch(/prefix/);
    expect(
      contractProblem("GET", "/api/tokens", 200, "application/json", JSON.stringify({ items: [{ ...token, tokenHash: "x" }], nextCursor: null })),
    ).toMatch(/additional/);
    expect(contractProblem("GET", "/api/tokens", 200, "application/json", JSON.stringify({ items: [{ ...token, createdAt: 5 }], nextCursor: null }))).toMatch(
      /createdAt/,
    );
    expect(contractProblem("GET", "/api/claims/[id]", 404, "application/json", JSON.stringify({ error: { code: "gone", message: "x" } }))).toMatch(/code/);
  });

  it("refuses a status or a media type the reference does not list", () => {
    expect(contractProblem("GET", "/api/tokens", 418, "application/json", "{}")).toMatch(/status not documented/);
    expect(contractProblem("GET", "/api/tokens", 200, "text/html", "<p>")).toMatch(/media type/);
    expect(contractProblem("GET", "/api/nowhere", 200, "application/json", "{}")).toMatch(/not in the API reference/);
  });
});
