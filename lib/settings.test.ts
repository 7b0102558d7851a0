import { afterEach, describe, expect, it, vi } from "vitest";
import { publicOrigin } from "@/lib/settings";

describe("the public origin every absolute link is built on", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is FACTDESK_PUBLIC_URL, then NEXTAUTH_URL, then http://localhost:$PORT; never anything from a request", () => {
    vi.stubEnv("FACTDESK_PUBLIC_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("PORT", "4123");
    expect(publicOrigin()).toBe("http://localhost:4123");
    vi.stubEnv("NEXTAUTH_URL", "https://desk.example.org/api/auth");
    expect(publicOrigin()).toBe("https://desk.example.org");
    vi.stubEnv("FACTDESK_PUBLIC_URL", "https://factcheck.example.org/");
    expect(publicOrigin()).toBe("https://factcheck.example.org");
  });

  it("refuses a value that is not an http(s) URL, naming the variable", () => {
    vi.stubEnv("FACTDESK_PUBLIC_URL", "factdesk.example.org");
    expect(() => publicOrigin()).toThrow(/FACTDESK_PUBLIC_URL/);
    vi.stubEnv("FACTDESK_PUBLIC_URL", "javascript:alert(1)");
    expect(() => publicOrigin()).toThrow(/FACTDESK_PUBLIC_URL/);
  });
});
