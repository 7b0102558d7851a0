/**
 * The HTTP load generator of the benchmark: autocannon (keep-alive connections, no pipelining),
 * run in this process for a fixed time after a warm-up, with every response time kept so the
 * percentiles are exact (autocannon's own histogram has no p95).
 */
import autocannon from "autocannon";
import { percentile } from "./stats.ts";

export interface LoadOptions {
  /** The server's origin, e.g. http://127.0.0.1:3000. */
  origin: string;
  method: "GET" | "POST";
  /** Each request's path; called once per request (round-robin over claims, for instance). */
  path: () => string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of a fixed time (for slow requests, so none is cut off). */
  amount?: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Responses received. */
  responses: number;
  /** 2xx responses per second. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  /** Connection errors and timeouts (autocannon counts timeouts as errors too). */
  errors: number;
  timeouts: number;
  /** Response status → count. */
  statuses: Record<string, number>;
  /** Mean response size in bytes (headers and body). */
  meanBytes: number;
  /** Server CPU time (user + system) per response, ms, when the server's CPU clock was given. */
  serverCpuMsPerResponse?: number;
}

/** One autocannon run of `options.seconds` seconds. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        pipelining: 1,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds }),
        timeout: 30,
        requests: [
          {
            method: options.method,
            headers: options.headers,
            ...(options.body !== undefined ? { body: options.body } : {}),
            setupRequest: (request) => ({ ...request, path: options.path() }),
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const seconds = (performance.now() - started) / 1000;
        const ok = Object.entries(statuses)
          .filter(([status]) => status.startsWith("2"))
          .reduce((sum, [, count]) => sum + count, 0);
        resolve({
          connections: options.connections,
          seconds,
          responses: latencies.length,
          rps: ok / (options.amount !== undefined ? seconds : result.duration),
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          max: percentile(latencies, 1),
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statuses,
          meanBytes: latencies.length ? bytes / latencies.length : 0,
        });
      },
    );
    instance.on("response", (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime);
      statuses[String(statusCode)] = (statuses[String(statusCode)] ?? 0) + 1;
      bytes += resBytes;
    });
  });
}

/** A warm-up run (results dropped), then the measured run. */
export async function measureLoad(
  options: LoadOptions,
  warmupSeconds = 2,
  serverCpuMs?: () => number,
): Promise<LoadResult> {
  const warmup =
    options.amount !== undefined
      ? { ...options, amount: options.connections * 2 }
      : { ...options, seconds: warmupSeconds };
  await runLoad(warmup);
  const cpuBefore = serverCpuMs?.();
  const load = await runLoad(options);
  const cpuAfter = serverCpuMs?.();
  if (cpuBefore !== undefined && cpuAfter !== undefined && load.responses > 0) {
    load.serverCpuMsPerResponse = (cpuAfter - cpuBefore) / load.responses;
  }
  return load;
}

/** One line for the log: throughput, latency percentiles, failures. */
export function describeLoad(label: string, load: LoadResult): string {
  const failures = load.non2xx + load.errors;
  return (
    `${label}: ${load.rps.toFixed(0)} req/s over ${load.responses} responses, ` +
    `p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, max ${load.max.toFixed(1)} ms` +
    (load.serverCpuMsPerResponse !== undefined ? `, server CPU ${load.serverCpuMsPerResponse.toFixed(1)} ms/response` : "") +
    (failures ? `, ${load.non2xx} non-2xx ${JSON.stringify(load.statuses)}, ${load.errors} errors` : "")
  );
}
