// Points lib/db at the run's database before any test module imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Tests fetch only from fixture servers they start on 127.0.0.1: every other host is refused
// before it is resolved (lib/net/safe-fetch.ts), whatever a test's data name as a source.
process.env.FACTDESK_FETCH_PUBLIC = "off";
process.env.FACTDESK_FETCH_ALLOW = "127.0.0.1";
