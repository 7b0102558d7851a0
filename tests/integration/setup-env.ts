// Points lib/db at the run's database before any test module imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
