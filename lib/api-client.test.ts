import { afterEach, describe, expect, it, vi } from "vitest";
import { api, apiRead, ApiError } from "@/lib/api-client";

/** Answers every fetch with `response` (or fails as an unreachable server does) and records the request. */
function serve(response: Response | "offline") {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (response === "offline") throw new TypeError("fetch failed");
    return response;
  });
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("api", () => {
  it("sends JSON and resolves with the answer's JSON", async () => {
    const calls = serve(json(201, { id: "t1", name: "CMS" }));
    await expect(api("/api/tokens", { method: "POST", body: { name: "CMS" } })).resolves.toEqual({ id: "t1", name: "CMS" });
    expect(calls[0]).toMatchObject({ url: "/api/tokens", init: { method: "POST", body: '{"name":"CMS"}', headers: { "content-type": "application/json" } } });
  });

  it("resolves with nothing for 204", async () => {
    serve(new Response(null, { status: 204 }));
    await expect(api("/api/tokens/t1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("rejects a refused request with its message, code, field messages and details", async () => {
    serve(json(400, { error: { code: "invalid_input", message: "Check the form.", fields: { email: "Enter an email address." } } }));
    const error = await api("/api/signup", { method: "POST", body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_input", message: "Check the form.", fields: { email: "Enter an email address." }, hasFieldErrors: true });

    serve(json(409, { error: { code: "stale_version", message: "Someone changed it.", currentVersion: 4 } }));
    const stale = await api("/api/annotations/a1", { method: "PATCH", body: {} }).catch((caught: unknown) => caught);
    expect(stale).toMatchObject({ status: 409, code: "stale_version", fields: {}, hasFieldErrors: false, body: { currentVersion: 4 } });
  });

  it("gives an answer without the error shape the caller's message, or the status", async () => {
    serve(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(api("/api/tokens", { errorMessage: "Could not load the tokens." })).rejects.toMatchObject({ status: 502, code: "unknown", message: "Could not load the tokens." });
    serve(json(500, { error: { fields: "not a record" } }));
    await expect(api("/api/tokens")).rejects.toMatchObject({ status: 500, message: "Request failed (500).", fields: {} });
  });

  it("rejects a success whose body was cut off instead of resolving with something else", async () => {
    // The connection dropped mid-answer: the status arrived, the JSON did not.
    serve(new Response('{"items": [{"claim":', { status: 200, headers: { "content-type": "application/json" } }));
    await expect(api("/api/claims/c1/matches")).rejects.toMatchObject({ status: 0, code: "network", message: expect.stringMatching(/cut off/) });
    serve(new Response("<html>Welcome to the hotel network</html>", { status: 200 }));
    await expect(apiRead(`/api/claims/c-${Date.now()}`)).rejects.toBeInstanceOf(ApiError);
  });

  it("turns an unreachable server into an ApiError a person can act on, and keeps an abort an abort", async () => {
    serve("offline");
    await expect(api("/api/tokens")).rejects.toMatchObject({ status: 0, code: "network", message: "Could not reach the server. Check your connection and try again." });
    vi.stubGlobal("fetch", async () => {
      throw new DOMException("The operation was aborted.", "AbortError");
    });
    await expect(api("/api/tokens")).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("apiRead", () => {
  it("sends the tag of the answer it has, and reuses that answer on 304", async () => {
    const path = `/api/claims/c-${Date.now()}`;
    const first = serve(new Response(JSON.stringify({ id: "c1", n: 1 }), { status: 200, headers: { etag: 'W/"one"' } }));
    await expect(apiRead(path)).resolves.toEqual({ id: "c1", n: 1 });
    expect(new Headers(first[0]!.init.headers).get("if-none-match")).toBeNull();

    const second = serve(new Response(null, { status: 304, headers: { etag: 'W/"one"' } }));
    await expect(apiRead(path)).resolves.toEqual({ id: "c1", n: 1 });
    expect(new Headers(second[0]!.init.headers).get("if-none-match")).toBe('W/"one"');

    serve(new Response(JSON.stringify({ id: "c1", n: 2 }), { status: 200, headers: { etag: 'W/"two"' } }));
    await expect(apiRead(path)).resolves.toEqual({ id: "c1", n: 2 });
    const third = serve(new Response(null, { status: 304 }));
    await expect(apiRead(path)).resolves.toEqual({ id: "c1", n: 2 });
    expect(new Headers(third[0]!.init.headers).get("if-none-match")).toBe('W/"two"');
  });

  it("rejects a refused read as api does", async () => {
    serve(json(404, { error: { code: "not_found", message: "No such claim." } }));
    await expect(apiRead("/api/claims/nope")).rejects.toMatchObject({ status: 404, code: "not_found", message: "No such claim." });
  });
});
