/**
 * The app's HTTP server: Next.js behind a plain Node.js `http` server (Next.js's documented
 * custom server), so that every request carries the address of the connection it came on.
 * Route handlers and next-auth see only headers, and Next.js fills `x-forwarded-for` with the
 * socket address only when the client sent none; this server writes the connection's address
 * into a header of its own instead (lib/http/connection-stamp.mjs), overwriting any copy a
 * client sent, and lib/http/client-address.ts decides from it and FACTDESK_TRUSTED_PROXIES.
 *
 *   node scripts/serve.mjs --port 3000 [--hostname 127.0.0.1] [--dev]
 *
 * Used by `npm start` / `npm run dev`, the end-to-end runner, the benchmarks and the
 * resilience suite. SIGTERM / SIGINT close the server and exit.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { markStamping, stampConnection } from "../lib/http/connection-stamp.mjs";

/** @param {string} name */
function option(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const dev = process.argv.includes("--dev");
const port = Number(option("port") ?? process.env.PORT ?? 3000);
const hostname = option("hostname");
process.title = "factdesk-server";

markStamping();
const app = next({ dev, port, hostname: hostname ?? "localhost", dir: path.resolve(import.meta.dirname, "..") });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  stampConnection(request);
  // As `next start` does: a failure of the handler is a 500 for this request, never a crash.
  handle(request, response).catch((error) => {
    console.error(`[factdesk] failed to handle ${request.method} ${request.url}`, error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
// In development Next.js attaches its own WebSocket upgrade handler (hot reloading) to this
// server on the first request.

const stop = () => {
  server.close(() => process.exit(0));
  // Open keep-alive and event-stream connections would hold close() forever.
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

server.listen(port, hostname, () => {
  console.log(`[factdesk] serving on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`);
});
