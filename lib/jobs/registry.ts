/**
 * Every kind of background job the app has: its name, the shape of its data and its retry
 * policy. Add a job here (and its handler in `lib/jobs/handlers.ts`, which the type checker then
 * demands); enqueue it with `enqueue(name, data)` from `lib/jobs`.
 */
import type { JobSpecs } from "@/lib/jobs/queue";

export const JOB_SPECS = {} satisfies JobSpecs;

export type AppJobSpecs = typeof JOB_SPECS;
