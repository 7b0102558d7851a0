/**
 * The address of the TCP connection a request arrived on, handed from the app's HTTP server
 * (scripts/serve.mjs) to route handlers and next-auth. Next.js does not expose the socket to
 * them: it only fills `x-forwarded-for` with the socket address when the client sent none, so
 * that header alone is whatever the client chose.
 *
 * The server overwrites `CONNECTION_HEADER` on every request (a client's own copy is dropped)
 * and sets `CONNECTION_MARK` on the process, so code in the same process knows the header was
 * written by the server and not by a client (`next start` run directly writes neither).
 * Plain JavaScript: the server runs it without a TypeScript loader.
 */

/** The request header carrying the connection's address. */
export const CONNECTION_HEADER = "x-factdesk-connection-address";

/** Set on `globalThis` by the server that writes the header. */
export const CONNECTION_MARK = Symbol.for("factdesk.connection-address-stamped");

/**
 * Replaces whatever the client sent in `CONNECTION_HEADER` with the socket's address.
 * @param {import("node:http").IncomingMessage} request
 */
export function stampConnection(request) {
  const address = request.socket.remoteAddress;
  if (address) request.headers[CONNECTION_HEADER] = address;
  else delete request.headers[CONNECTION_HEADER];
}

/** Declares that this process's server stamps every request. */
export function markStamping() {
  Reflect.set(globalThis, CONNECTION_MARK, true);
}

/** Whether this process's server stamps every request. */
export function stampingServer() {
  return Reflect.get(globalThis, CONNECTION_MARK) === true;
}
