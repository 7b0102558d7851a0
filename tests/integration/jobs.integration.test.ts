/**
 * The job queue on the run's real PostgreSQL: a job runs once, waits for a worker that is not
 * running yet (a restart), is retried with growing delays after failures, and a graceful stop
 * lets a running job finish. Jobs fetched in batches run once each and fail on their own.
 */
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { JobQueue, type JobHandlers } from "@/lib/jobs/queue";

const specs = {
  "test-record": { data: z.object({ key: z.string() }), retryLimit: 3, retryDelaySeconds: 1, concurrency: 2 },
  "test-flaky": { data: z.object({ key: z.string(), failures: z.number().int() }), retryLimit: 2, retryDelaySeconds: 1 },
  "test-slow": { data: z.object({ key: z.string(), ms: z.number().int() }), retryLimit: 0 },
  "test-batch": { data: z.object({ key: z.string(), failures: z.number().int() }), retryLimit: 2, retryDelaySeconds: 1, concurrency: 4, batchSize: 2 },
};
type Specs = typeof specs;

const queues: JobQueue<Specs>[] = [];
function newQueue(): JobQueue<Specs> {
  const queue = new JobQueue(specs, { pollingIntervalSeconds: 0.5, max: 3 });
  queues.push(queue);
  return queue;
}

afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop({ graceful: false })));
});

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function recorder() {
  const runs: { name: string; key: string; at: number; retryCount: number }[] = [];
  const handlers: JobHandlers<Specs> = {
    "test-record": async (data, run) => {
      runs.push({ name: "test-record", key: data.key, at: Date.now(), retryCount: run.retryCount });
    },
    "test-flaky": async (data, run) => {
      runs.push({ name: "test-flaky", key: data.key, at: Date.now(), retryCount: run.retryCount });
      if (run.retryCount < data.failures) throw new Error(`failure ${run.retryCount + 1}`);
    },
    "test-slow": async (data) => {
      await new Promise((resolve) => setTimeout(resolve, data.ms));
      runs.push({ name: "test-slow", key: data.key, at: Date.now(), retryCount: 0 });
    },
    "test-batch": async (data, run) => {
      runs.push({ name: "test-batch", key: data.key, at: Date.now(), retryCount: run.retryCount });
      if (run.retryCount < data.failures) throw new Error(`failure ${run.retryCount + 1}`);
    },
  };
  return { runs, handlers };
}

describe("job queue", () => {
  it("runs an enqueued job exactly once, even with two workers on the database", async () => {
    const producer = newQueue();
    const a = recorder();
    const b = recorder();
    await newQueue().work(a.handlers);
    await newQueue().work(b.handlers);
    const keys = Array.from({ length: 20 }, (_, i) => `once-${i}`);
    const ids = await Promise.all(keys.map((key) => producer.enqueue("test-record", { key })));
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    await until(() => a.runs.length + b.runs.length >= keys.length);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const ran = [...a.runs, ...b.runs].map((run) => run.key).sort();
    expect(ran).toEqual([...keys].sort());
    for (const id of ids) expect((await producer.jobState("test-record", id ?? ""))?.state).toBe("completed");
  });

  it("refuses data that does not match the job's schema, before anything is stored", async () => {
    const producer = newQueue();
    // @ts-expect-error: the data of a job are typed by its spec
    await expect(producer.enqueue("test-record", { key: 42 })).rejects.toThrow();
  });

  it("keeps a job enqueued while no worker runs and runs it when a worker starts again", async () => {
    const first = newQueue();
    const before = recorder();
    const worker = await first.work(before.handlers);
    await worker.stop();
    const id = await newQueue().enqueue("test-record", { key: "after-restart" });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(before.runs).toEqual([]);
    expect((await newQueue().jobState("test-record", id ?? ""))?.state).toBe("created");

    const after = recorder();
    await newQueue().work(after.handlers);
    await until(() => after.runs.length === 1);
    expect(after.runs[0]?.key).toBe("after-restart");
  });

  it("retries a failing job with growing delays until it succeeds", async () => {
    const { runs, handlers } = recorder();
    const queue = newQueue();
    await queue.work(handlers);
    const id = await queue.enqueue("test-flaky", { key: "flaky", failures: 2 });
    await until(async () => (await queue.jobState("test-flaky", id ?? ""))?.state === "completed", 30_000);
    const flaky = runs.filter((run) => run.key === "flaky");
    expect(flaky.map((run) => run.retryCount)).toEqual([0, 1, 2]);
    const [first, second, third] = flaky.map((run) => run.at) as [number, number, number];
    // Back-off from a 1 s delay: the first retry waits 1–2 s, the second 2–4 s.
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1_900);
  });

  it("marks a job failed, with the error, once its retries are used up", async () => {
    const { runs, handlers } = recorder();
    const queue = newQueue();
    await queue.work(handlers);
    const id = await queue.enqueue("test-flaky", { key: "hopeless", failures: 99 });
    await until(async () => (await queue.jobState("test-flaky", id ?? ""))?.state === "failed", 60_000);
    expect(runs.filter((run) => run.key === "hopeless")).toHaveLength(3);
    expect(JSON.stringify((await queue.jobState("test-flaky", id ?? ""))?.output)).toContain("failure 3");
  });

  it("lets a running job finish on a graceful stop", async () => {
    const { runs, handlers } = recorder();
    const queue = newQueue();
    const worker = await queue.work(handlers);
    const id = await queue.enqueue("test-slow", { key: "slow", ms: 1_500 });
    await until(async () => (await queue.jobState("test-slow", id ?? ""))?.state === "active");
    await worker.stop({ graceful: true, timeoutMs: 10_000 });
    expect(runs.map((run) => run.key)).toEqual(["slow"]);
    expect((await newQueue().jobState("test-slow", id ?? ""))?.state).toBe("completed");
  });

  it("runs jobs fetched in batches once each, and retries a failing one without its batch-mates", async () => {
    const producer = newQueue();
    const a = recorder();
    const b = recorder();
    await newQueue().work(a.handlers);
    await newQueue().work(b.handlers);
    const keys = Array.from({ length: 12 }, (_, i) => `batch-${i}`);
    const ids = await Promise.all(keys.map((key) => producer.enqueue("test-batch", { key, failures: key === "batch-3" ? 1 : 0 })));
    await until(async () => {
      const states = await Promise.all(ids.map((id) => producer.jobState("test-batch", id ?? "")));
      return states.every((state) => state?.state === "completed");
    }, 30_000);
    const runs = [...a.runs, ...b.runs];
    for (const key of keys) {
      expect(runs.filter((run) => run.key === key).map((run) => run.retryCount)).toEqual(key === "batch-3" ? [0, 1] : [0]);
    }
  });

});
