/**
 * Refused requests leave one `access.denied` audit event and nothing else (README, "Security";
 * the policy is in lib/audit/record-denial.ts). Called through the route handlers, as a script
 * with a personal access token would call the API.
 */
import { randomInt } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { submitAnnotation } from "@/lib/annotations/submit-annotation";
import { ACCESS_DENIED } from "@/lib/audit/record-denial";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import { CONNECTION_HEADER, markStamping } from "@/lib/http/connection-stamp.mjs";
import { makeUser } from "./factories";
import { databaseState, makeClaim, makeSource } from "./claim-factories";

const BASE = "http://factdesk.test";

// These requests come through the app's own server, which stamps the connection's address.
markStamping();

/** A client address of its own per test, so the once-a-minute bound of one test does not touch another. */
function freshAddress(): string {
  return `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;
}

async function tokenOf(actor: Actor): Promise<string> {
  return (await createAccessToken({ actor, credential: "session", input: { name: "script" } })).secret;
}

/** A request as a script sends it: a bearer token (or none), JSON, from `address`. */
function request(path: string, { secret, address, method = "GET", body }: { secret?: string; address: string; method?: string; body?: unknown }) {
  // As scripts/serve.mjs stamps it: the connection's address.
  const headers = new Headers({ [CONNECTION_HEADER]: address });
  if (secret) headers.set("authorization", `Bearer ${secret}`);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

function denials(where: { actorId?: string | null; targetId?: string } = {}) {
  return db.auditEvent.findMany({ where: { action: ACCESS_DENIED, ...where }, orderBy: { createdAt: "asc" } });
}

/** The author's submitted source annotation on a fresh claim. */
async function submittedSource(author: Actor) {
  const claim = await makeClaim(author);
  const draft = await makeSource(author, claim.id);
  return submitAnnotation({ actor: author, annotationId: draft.id });
}

describe("a refused request", () => {
  it("editing someone else's annotation: 403, nothing changed, one access.denied event naming who and what", async () => {
    const author = await makeUser("reviewer", "Author");
    const intruder = await makeUser("reviewer", "Intruder");
    const annotation = await submittedSource(author);
    const secret = await tokenOf(intruder);
    const address = freshAddress();
    const before = await databaseState();

    const response = await annotationRoute.PATCH(
      request(`/api/annotations/${annotation.id}`, { secret, address, method: "PATCH", body: { title: "Hijacked", version: 1 } }),
      withId(annotation.id),
    );

    expect(response.status).toBe(403);
    const after = await databaseState();
    expect({ ...after, auditEvents: after.auditEvents - 1 }).toEqual(before);
    const events = await denials({ targetId: annotation.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: intruder.id,
      targetType: "annotation",
      targetId: annotation.id,
      claimId: null,
      after: { route: "PATCH /api/annotations/[id]", status: 403, code: "forbidden", credential: "token", address },
    });
    expect(events[0]?.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The credential itself never reaches the log.
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(events)).not.toContain(secret.slice(3, 20));
  });

  it("an editor's route refused to a reviewer is recorded against the route, and no article appears", async () => {
    const reviewer = await makeUser("reviewer");
    const secret = await tokenOf(reviewer);
    const articles = await db.article.count();

    // As Next.js calls a route without dynamic segments: with no `params` at all.
    const response = await articlesRoute.POST(
      request("/api/articles", { secret, address: freshAddress(), method: "POST", body: { title: "Not mine to import", text: "Text." } }),
      {} as typeof noParams,
    );

    expect(response.status).toBe(403);
    expect(await db.article.count()).toBe(articles);
    expect(await denials({ actorId: reviewer.id })).toMatchObject([
      { targetType: "route", targetId: "POST /api/articles", after: { route: "POST /api/articles", status: 403 } },
    ]);
  });

  it("someone else's draft answers exactly like a missing id; only the audit log tells them apart", async () => {
    const author = await makeUser("reviewer", "Author");
    const other = await makeUser("reviewer", "Other");
    const claim = await makeClaim(author);
    const draft = await makeSource(author, claim.id);
    const secret = await tokenOf(other);
    const address = freshAddress();

    const hidden = await annotationRoute.GET(request(`/api/annotations/${draft.id}`, { secret, address }), withId(draft.id));
    const missing = await annotationRoute.GET(request("/api/annotations/no-such-annotation", { secret, address }), withId("no-such-annotation"));

    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await hidden.json()).toEqual(await missing.json());
    expect(await denials({ actorId: other.id })).toMatchObject([
      { targetType: "annotation", targetId: draft.id, after: { route: "GET /api/annotations/[id]", status: 404, code: "not_found" } },
    ]);
    // The author reading their own draft is no refusal.
    const own = await annotationRoute.GET(request(`/api/annotations/${draft.id}`, { secret: await tokenOf(author), address }), withId(draft.id));
    expect(own.status).toBe(200);
    expect(await denials({ actorId: author.id })).toEqual([]);
  });

  it("revoking someone else's token: 404, the token still works, one event", async () => {
    const owner = await makeUser("reviewer", "Owner");
    const other = await makeUser("reviewer", "Other");
    const { token } = await createAccessToken({ actor: owner, credential: "session", input: { name: "CI" } });
    const secret = await tokenOf(other);

    const response = await tokenRoute.DELETE(
      request(`/api/tokens/${token.id}`, { secret, address: freshAddress(), method: "DELETE" }),
      withId(token.id),
    );

    expect(response.status).toBe(404);
    expect((await db.accessToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
    expect(await denials({ targetId: token.id })).toMatchObject([
      { actorId: other.id, targetType: "access_token", after: { route: "DELETE /api/tokens/[id]", status: 404 } },
    ]);
  });

  it("a mutation from another site: 403, nothing changed, recorded once without an actor", async () => {
    const author = await makeUser();
    const annotation = await submittedSource(author);
    const before = await databaseState();
    const address = freshAddress();

    // No Origin header and no token: what a form on another site would send with a cookie.
    // Nobody could be identified, so a flood of them is recorded once a minute per address.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await annotationRoute.PATCH(
        request(`/api/annotations/${annotation.id}`, { address, method: "PATCH", body: { title: "x", version: 1 } }),
        withId(annotation.id),
      );
      expect(response.status).toBe(403);
    }

    const after = await databaseState();
    expect({ ...after, auditEvents: after.auditEvents - 1 }).toEqual(before);
    expect(await denials({ targetId: annotation.id })).toMatchObject([
      { actorId: null, after: { route: "PATCH /api/annotations/[id]", status: 403, credential: null, address } },
    ]);
  });

  it("with a revoked token: 401, recorded once per client address per minute", async () => {
    const user = await makeUser();
    const { token, secret } = await createAccessToken({ actor: user, credential: "session", input: { name: "old" } });
    await revokeAccessToken({ actor: user, tokenId: token.id });
    const address = freshAddress();
    const before = (await denials()).length;

    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await articlesRoute.GET(request("/api/articles", { secret, address }), noParams);
      expect(response.status).toBe(401);
    }
    const elsewhere = await articlesRoute.GET(request("/api/articles", { secret, address: freshAddress() }), noParams);
    expect(elsewhere.status).toBe(401);

    const events = (await denials()).slice(before);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorId: null,
      targetType: "route",
      after: { route: "GET /api/articles", status: 401, code: "unauthenticated", credential: "token", address },
    });
    expect(JSON.stringify(events)).not.toContain(secret.slice(3, 20));
  });

  it("still answers 403, and still changes nothing, when the event cannot be written", async () => {
    const author = await makeUser("reviewer", "Author");
    const intruder = await makeUser("reviewer", "Intruder");
    const annotation = await submittedSource(author);
    const secret = await tokenOf(intruder);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // A real failure of the audit write: the database refuses every access.denied row.
      await client.query(`
        CREATE OR REPLACE FUNCTION refuse_denials() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$;
        CREATE TRIGGER refuse_denials BEFORE INSERT ON audit_events
          FOR EACH ROW WHEN (NEW.action = 'access.denied') EXECUTE FUNCTION refuse_denials();`);
      const before = await databaseState();
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      let status: number;
      try {
        const response = await annotationRoute.DELETE(
          request(`/api/annotations/${annotation.id}`, { secret, address: freshAddress(), method: "DELETE" }),
          withId(annotation.id),
        );
        status = response.status;
      } finally {
        console.error = original;
      }
      expect(status).toBe(403);
      expect(await databaseState()).toEqual(before);
      expect(errors).toHaveLength(1);
    } finally {
      await client.query("DROP TRIGGER IF EXISTS refuse_denials ON audit_events; DROP FUNCTION IF EXISTS refuse_denials();");
      await client.end();
    }
  });
});
