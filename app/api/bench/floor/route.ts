/**
 * BENCHMARK ONLY: the "framework floor" of `npm run bench` (scripts/bench.ts, line 2).
 *
 * A bare handler behind the same wrapper as the real API (`authenticatedRoute`: bearer token
 * lookup, JSON and origin checks, error mapping) that does one Prisma insert, an audit row
 * with action "bench.floor", and answers 201. Comparing `POST /api/claims/:id/annotations`
 * with it separates the cost of the annotation use case (validation, claim lock, status,
 * audit event, notification, one transaction) from the cost of Next.js + auth + one insert.
 *
 * It does nothing in production: unless the server process was started with
 * FACTDESK_BENCH=1 (set by the benchmark script only) every request gets the ordinary 404,
 * before any authentication or database work. With the variable set it still requires a
 * signed-in user or a valid access token, like every other mutation.
 *
 * It writes through the Prisma client directly rather than a use case in lib/ (D6) on
 * purpose: a use case is what the floor is meant to leave out.
 */
import { db } from "@/lib/db";
import { authenticatedRoute, json } from "@/lib/http/route";

const insertOne = authenticatedRoute(async ({ actor }) => {
  const row = await db.auditEvent.create({
    data: { actorId: actor.id, action: "bench.floor", targetType: "bench", targetId: actor.id },
    select: { id: true },
  });
  return json({ id: row.id }, 201);
});

/** Enabled only when the server runs under the benchmark (FACTDESK_BENCH=1). */
function benchEnabled(): boolean {
  return process.env.FACTDESK_BENCH === "1";
}

export async function POST(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (!benchEnabled()) return json({ error: { code: "not_found", message: "Not found." } }, 404);
  return insertOne(request, context);
}
