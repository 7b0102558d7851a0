import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccessToken, MAX_LIVE_TOKENS } from "@/lib/tokens/create-access-token";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { LAST_USED_RESOLUTION_MS, resolveBearerToken } from "@/lib/tokens/resolve-bearer-token";
import { hashTokenSecret } from "@/lib/tokens/secret";
import type { Actor } from "@/lib/auth/actor";
import * as tokensRoute from "@/app/api/tokens/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import * as articlesRoute from "@/app/api/articles/route";
import { makeUser } from "./factories";
import { countQueries } from "./review-factories";

const BASE = "http://factdesk.test";

async function makeToken(actor: Actor, name = "CI sync") {
  return createAccessToken({ actor, credential: "session", input: { name } });
}

/** A request as a script would send it: a bearer token, no cookie, no Origin. */
function bearerRequest(path: string, secret: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${secret}`);
  return new Request(`${BASE}${path}`, { ...init, headers });
}

const noParams = { params: Promise.resolve({}) };

describe("creating a token", () => {
  it("is refused over a token: a leaked token cannot mint more", async () => {
    const user = await makeUser();
    const before = await db.accessToken.count({ where: { userId: user.id } });
    await expect(createAccessToken({ actor: user, credential: "token", input: { name: "More" } })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await db.accessToken.count({ where: { userId: user.id } })).toBe(before);
  });

  it("refuses a blank, overlong or extra-field input and stores nothing", async () => {
    const user = await makeUser();
    await expect(createAccessToken({ actor: user, credential: "session", input: { name: "   " } })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { name: "Enter a name for the token." },
    });
    await expect(
      createAccessToken({ actor: user, credential: "session", input: { name: "x".repeat(101) } }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: { name: "A token name has at most 100 characters." } });
    await expect(
      createAccessToken({ actor: user, credential: "session", input: { name: "ok", userId: "someone-else" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.accessToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("returns the secret once and stores only its sha256 and a display prefix", async () => {
    const user = await makeUser();
    const { token, secret } = await makeToken(user, "  Newsroom CMS  ");
    expect(secret).toMatch(/^fd_[A-Za-z0-9_-]{43}$/);
    expect(token).toEqual({
      id: expect.any(String),
      name: "Newsroom CMS",
      prefix: secret.slice(0, 10),
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(token)).not.toContain(secret.slice(10));

    const row = await db.accessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashTokenSecret(secret));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing in the row holds the secret beyond the 7 random characters of its prefix.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(10, 30));

    const events = await db.auditEvent.findMany({ where: { targetType: "access_token", targetId: token.id } });
    expect(events).toMatchObject([{ action: "access_token.created", actorId: user.id, after: { name: "Newsroom CMS" } }]);
    const audited = JSON.stringify(events);
    expect(audited).not.toContain(secret.slice(10, 30));
    expect(audited).not.toContain(row.tokenHash);
  });

  it(`allows at most ${MAX_LIVE_TOKENS} live tokens; revoking one makes room`, async () => {
    const user = await makeUser();
    const made = [];
    for (let index = 0; index < MAX_LIVE_TOKENS; index += 1) made.push(await makeToken(user, `token ${index}`));
    await expect(makeToken(user, "one too many")).rejects.toMatchObject({ code: "conflict" });
    expect(await db.accessToken.count({ where: { userId: user.id } })).toBe(MAX_LIVE_TOKENS);

    // The limit is per user.
    const other = await makeUser();
    await expect(makeToken(other)).resolves.toMatchObject({ token: { name: "CI sync" } });

    const first = made[0];
    if (!first) throw new Error("no token made");
    await revokeAccessToken({ actor: user, tokenId: first.token.id });
    await expect(makeToken(user, "room again")).resolves.toMatchObject({ token: { name: "room again" } });
    await expect(makeToken(user, "full again")).rejects.toMatchObject({ code: "conflict" });
  });

  it("holds the limit under concurrent creates", async () => {
    const user = await makeUser();
    for (let index = 0; index < MAX_LIVE_TOKENS - 2; index += 1) await makeToken(user, `token ${index}`);
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, index) => makeToken(user, `racer ${index}`)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    expect(await db.accessToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(MAX_LIVE_TOKENS);
  });
});

describe("listing tokens", () => {
  it("shows only one's own, live first and newest first, never a hash", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const oldest = await makeToken(user, "oldest");
    const middle = await makeToken(user, "middle");
    const newest = await makeToken(user, "newest");
    await makeToken(other, "someone else's");
    await revokeAccessToken({ actor: user, tokenId: newest.token.id });

    const list = await listAccessTokens({ actor: user });
    expect(list.map((token) => token.name)).toEqual(["middle", "oldest", "newest"]);
    expect(list[2]?.revokedAt).toEqual(expect.any(String));
    for (const token of list) {
      expect(Object.keys(token).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "prefix", "revokedAt"]);
    }
    const hashes = await db.accessToken.findMany({ where: { userId: user.id }, select: { tokenHash: true } });
    const serialised = JSON.stringify(list);
    for (const { tokenHash } of hashes) expect(serialised).not.toContain(tokenHash);
    for (const { secret } of [oldest, middle, newest]) expect(serialised).not.toContain(secret);
  });
});

describe("revoking a token", () => {
  it("answers not_found for another user's token and changes nothing", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    const { token, secret } = await makeToken(owner);
    await expect(revokeAccessToken({ actor: intruder, tokenId: token.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeAccessToken({ actor: intruder, tokenId: "no-such-token" })).rejects.toMatchObject({
      code: "not_found",
    });
    const row = await db.accessToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { targetId: token.id, action: "access_token.revoked" } })).toBe(0);
    expect(await resolveBearerToken(secret)).toMatchObject({ id: owner.id });
  });

  it("revokes one's own, once: a second revoke is harmless and records nothing more", async () => {
    const user = await makeUser();
    const { token, secret } = await makeToken(user);
    const revoked = await revokeAccessToken({ actor: user, tokenId: token.id });
    expect(revoked.revokedAt).toEqual(expect.any(String));
    const again = await revokeAccessToken({ actor: user, tokenId: token.id });
    expect(again.revokedAt).toBe(revoked.revokedAt);
    const events = await db.auditEvent.findMany({ where: { targetId: token.id, action: "access_token.revoked" } });
    expect(events).toMatchObject([{ actorId: user.id, after: { revokedAt: revoked.revokedAt } }]);
    expect(JSON.stringify(events)).not.toContain(secret.slice(10, 30));
    expect(await resolveBearerToken(secret)).toBeNull();
  });
});

describe("resolving a bearer token", () => {
  it("gives the owner as an actor, with the role from the database", async () => {
    const user = await makeUser("reviewer", "Rita Reviewer");
    const { secret } = await makeToken(user);
    expect(await resolveBearerToken(secret)).toEqual({
      kind: "user",
      id: user.id,
      name: "Rita Reviewer",
      email: user.email,
      role: "reviewer",
    });
    await db.user.update({ where: { id: user.id }, data: { role: "editor" } });
    expect(await resolveBearerToken(secret)).toMatchObject({ id: user.id, role: "editor" });
  });

  it("refuses unknown, malformed and revoked tokens, and disabled accounts", async () => {
    const user = await makeUser();
    const { token, secret } = await makeToken(user);
    expect(await resolveBearerToken(`fd_${"A".repeat(43)}`)).toBeNull();
    expect(await resolveBearerToken("not a token")).toBeNull();
    expect(await resolveBearerToken(`${secret}x`)).toBeNull();
    expect(await resolveBearerToken(hashTokenSecret(secret))).toBeNull();

    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveBearerToken(secret)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await resolveBearerToken(secret)).toMatchObject({ id: user.id });

    await revokeAccessToken({ actor: user, tokenId: token.id });
    expect(await resolveBearerToken(secret)).toBeNull();
  });

  it("records lastUsedAt at most once a minute", async () => {
    const user = await makeUser();
    const { token, secret } = await makeToken(user);
    await resolveBearerToken(secret);
    const first = (await db.accessToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await resolveBearerToken(secret);
    await resolveBearerToken(secret);
    const second = (await db.accessToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(second?.getTime()).toBe(first?.getTime());

    const longAgo = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 1_000);
    await db.accessToken.update({ where: { id: token.id }, data: { lastUsedAt: longAgo } });
    await resolveBearerToken(secret);
    const third = (await db.accessToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
    expect(third?.getTime()).toBeGreaterThan(longAgo.getTime() + LAST_USED_RESOLUTION_MS);
  });

  it("finds the token and its owner in one statement, with the owner's current role", async () => {
    const user = await makeUser("reviewer", "Tess Token");
    const { secret } = await makeToken(user);
    await resolveBearerToken(secret); // records lastUsedAt, a write the next minute does without
    await db.user.update({ where: { id: user.id }, data: { role: "editor" } });
    let actor: Actor | null = null;
    expect(await countQueries(async () => (actor = await resolveBearerToken(secret)))).toBe(1);
    expect(actor).toEqual({ ...user, role: "editor" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveBearerToken(secret)).toBeNull();
  });
});

describe("the HTTP API with a bearer token", () => {
  it("answers 401 with WWW-Authenticate for a malformed, unknown or revoked token", async () => {
    const user = await makeUser();
    const { token, secret } = await makeToken(user);
    for (const header of ["Bearer", "Bearer not-a-token", `Bearer fd_${"B".repeat(43)}`, `Bearer ${secret} extra`]) {
      const response = await articlesRoute.GET(new Request(`${BASE}/api/articles`, { headers: { authorization: header } }), noParams);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe("unauthenticated");
    }
    await revokeAccessToken({ actor: user, tokenId: token.id });
    const revoked = await articlesRoute.GET(bearerRequest("/api/articles", secret), noParams);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { message: "The access token is invalid or has been revoked." } });
  });

  it("reads as the token's owner", async () => {
    const user = await makeUser();
    const { secret } = await makeToken(user);
    const articles = await articlesRoute.GET(bearerRequest("/api/articles", secret), noParams);
    expect(articles.status).toBe(200);
    const tokens = await tokensRoute.GET(bearerRequest("/api/tokens", secret), noParams);
    expect(tokens.status).toBe(200);
    const body = (await tokens.json()) as { items: Array<Record<string, unknown>>; nextCursor: null };
    expect(body.nextCursor).toBeNull();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).not.toHaveProperty("tokenHash");
    expect(body.items[0]).not.toHaveProperty("secret");
  });

  it("refuses to create a token (403) and stores nothing", async () => {
    const user = await makeUser();
    const { secret } = await makeToken(user);
    const response = await tokensRoute.POST(
      bearerRequest("/api/tokens", secret, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "minted by a token" }),
      }),
      noParams,
    );
    expect(response.status).toBe(403);
    expect(await db.accessToken.count({ where: { userId: user.id } })).toBe(1);
  });

  it("skips the same-origin check but still wants JSON bodies on mutations", async () => {
    const user = await makeUser();
    const { secret } = await makeToken(user);
    const notJson = await tokensRoute.POST(
      bearerRequest("/api/tokens", secret, { method: "POST", headers: { "content-type": "text/plain" }, body: "name=x" }),
      noParams,
    );
    expect(notJson.status).toBe(415);

    // No Origin, a cross-site fetch marker: fine for a token, which no browser sends by itself.
    const victim = await makeToken(user, "to revoke");
    const revoke = await tokenRoute.DELETE(
      bearerRequest(`/api/tokens/${victim.token.id}`, secret, { method: "DELETE", headers: { "sec-fetch-site": "cross-site" } }),
      { params: Promise.resolve({ id: victim.token.id }) },
    );
    expect(revoke.status).toBe(204);
    expect((await db.accessToken.findUniqueOrThrow({ where: { id: victim.token.id } })).revokedAt).not.toBeNull();

    const other = await makeUser();
    const theirs = await makeToken(other);
    const foreign = await tokenRoute.DELETE(bearerRequest(`/api/tokens/${theirs.token.id}`, secret, { method: "DELETE" }), {
      params: Promise.resolve({ id: theirs.token.id }),
    });
    expect(foreign.status).toBe(404);
    expect((await db.accessToken.findUniqueOrThrow({ where: { id: theirs.token.id } })).revokedAt).toBeNull();
  });
});
