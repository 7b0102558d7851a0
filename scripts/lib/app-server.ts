/** How every runner starts the app: scripts/serve.mjs (Next.js behind a server that knows the connection's address). */
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Arguments for `spawn(process.execPath, …)` that serve the app on `port`. */
export function appServerArgs({ port, hostname, dev = false }: { port: number; hostname?: string; dev?: boolean }): string[] {
  return [
    path.join(ROOT, "scripts", "serve.mjs"),
    "--port",
    String(port),
    ...(hostname ? ["--hostname", hostname] : []),
    ...(dev ? ["--dev"] : []),
  ];
}
