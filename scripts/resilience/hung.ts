/**
 * Hung database (opt-in: `--hung-database`): every PostgreSQL process is SIGSTOPped, so its
 * sockets stay open but nothing answers, as behind a network partition. Requests must still
 * be answered promptly (503), not wait for the database as long as it takes; and once it
 * answers again, the app must serve without a restart.
 */
import { api, describe, tally, type ApiResult } from "./http.ts";
import { sleep, type SuiteContext } from "./context.ts";

const REQUESTS = 15;
const ANSWER_WITHIN_MS = 15_000;
const RECOVERY_MS = 10_000;

export async function hungDatabaseScenario(context: SuiteContext): Promise<void> {
  const { report, database, app, token } = context;
  console.log(`\nHung database (opt-in): PostgreSQL frozen with SIGSTOP, ${REQUESTS} requests`);
  const articles = `${app.url}/api/articles`;

  // Warm the pool, as a busy app's would be: the hang is on connections already open.
  const warm = await Promise.all(Array.from({ length: 12 }, () => api(articles, { token })));
  if (!report.check("GET /api/articles before the freeze → 200", warm.every((result) => result.status === 200), tally(warm))) return;

  const processes = database.freeze();
  let during: ApiResult[];
  try {
    during = await Promise.all(
      Array.from({ length: REQUESTS }, (_, index) =>
        sleep(index * 50).then(() => api(articles, { token, timeoutMs: ANSWER_WITHIN_MS })),
      ),
    );
  } finally {
    database.thaw();
  }
  const unanswered = during.filter((result) => result.status === 0);
  const answered = during.filter((result) => result.status !== 0);
  report.check(
    `with PostgreSQL frozen, every request is answered within ${ANSWER_WITHIN_MS / 1000} s`,
    unanswered.length === 0,
    `${processes} PostgreSQL processes frozen; ${tally(during)}; answered: ` +
      `${answered.map((result) => `${result.status} in ${Math.round(result.ms)} ms`).slice(0, 3).join(", ") || "none"}` +
      `${unanswered.length ? `; ${unanswered.length} had no answer after ${ANSWER_WITHIN_MS / 1000} s (the pool holds ${process.env.DATABASE_POOL_SIZE ?? 10} connections)` : ""}`,
  );
  report.check(
    "no request gets through while PostgreSQL is frozen",
    during.every((result) => result.status === 0 || result.status >= 400),
    tally(during),
  );

  const started = performance.now();
  let last: ApiResult | undefined;
  while (performance.now() - started < RECOVERY_MS) {
    last = await api(articles, { token, timeoutMs: RECOVERY_MS });
    if (last.status === 200) break;
    await sleep(250);
  }
  report.check(
    `once PostgreSQL answers again the app serves within ${RECOVERY_MS / 1000} s, without a restart`,
    last?.status === 200,
    `${last ? describe(last) : "no request"} after ${Math.round(performance.now() - started)} ms`,
  );
}
