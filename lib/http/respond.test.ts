import { describe, expect, it } from "vitest";
import { errorResponse, isDatabaseUnavailable } from "@/lib/http/respond";

describe("isDatabaseUnavailable", () => {
  it("recognises a raw query that could not reach the database (P2010 with the driver's message)", () => {
    const error = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`"), {
      code: "P2010",
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises connection failures by code, and through causes", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: Object.assign(new Error("inner"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  it("does not take a bug for an outage", () => {
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
  });
});

describe("errorResponse", () => {
  it("answers 503 unavailable when the database cannot be reached", async () => {
    const response = errorResponse(Object.assign(new Error("Raw query failed. Message: `Can't reach database server at db:5432`"), { code: "P2010" }));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  });
});
