/** Waits until a freshly started app answers, failing fast if its process exits first. */
import type { ChildProcess } from "node:child_process";

/** Polls `url` until it answers below 500; rejects when `server` exits or `timeoutMs` passes. */
export async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The app exited (${server.exitCode ?? server.signalCode}) before answering.`);
    }
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not answer on ${url} within ${timeoutMs / 1000} s.`);
}
