import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientAddress, parseTrustedProxies, resolveClientAddress, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { CONNECTION_HEADER, CONNECTION_MARK, markStamping, stampConnection } from "@/lib/http/connection-stamp.mjs";

const none = parseTrustedProxies(undefined);

describe("the client address without declared proxies", () => {
  it("is the connection's, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("127.0.0.1", "203.0.113.77", none)).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:192.0.2.10", "203.0.113.77, 198.51.100.1", none)).toBe("192.0.2.10");
  });

  it("is unknown when no server stamped the connection (a forged stamp is not believed)", () => {
    Reflect.deleteProperty(globalThis, CONNECTION_MARK);
    const forged = new Headers({ [CONNECTION_HEADER]: "203.0.113.77", "x-forwarded-for": "203.0.113.78" });
    expect(clientAddress(forged)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("the client address behind declared proxies", () => {
  it("with one hop (a single reverse proxy) is the address the proxy appended, not what the client wrote", () => {
    const oneHop = parseTrustedProxies("1");
    // The client sent "X-Forwarded-For: 203.0.113.77"; the proxy (10.0.0.2) appended the address it saw.
    expect(resolveClientAddress("10.0.0.2", "203.0.113.77, 198.51.100.20", oneHop)).toBe("198.51.100.20");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.20", oneHop)).toBe("198.51.100.20");
  });

  it("with two hops skips both proxies", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.77, 198.51.100.20, 10.0.0.9", parseTrustedProxies("2"))).toBe("198.51.100.20");
  });

  it("with a CIDR list is the rightmost hop that is not a trusted proxy", () => {
    const list = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, fd00::/8");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.77, 198.51.100.20, 10.1.2.3", list)).toBe("198.51.100.20");
    expect(resolveClientAddress("fd00::1", "2001:db8::5", list)).toBe("2001:db8::5");
  });

  it("with a CIDR list ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    const list = parseTrustedProxies("10.0.0.0/8");
    expect(resolveClientAddress("198.51.100.20", "10.0.0.1", list)).toBe("198.51.100.20");
  });

  it("is the first hop when every hop is a trusted proxy, and the connection when there are fewer hops than declared", () => {
    expect(resolveClientAddress("10.0.0.2", "10.0.0.3", parseTrustedProxies("10.0.0.0/8"))).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.2", null, parseTrustedProxies("3"))).toBe("10.0.0.2");
  });

  it("refuses a malformed FACTDESK_TRUSTED_PROXIES, naming it", () => {
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/FACTDESK_TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow(/FACTDESK_TRUSTED_PROXIES/);
  });
});

describe("clientAddress on a stamping server", () => {
  beforeEach(() => markStamping());
  afterEach(() => {
    vi.unstubAllEnvs();
    Reflect.deleteProperty(globalThis, CONNECTION_MARK);
  });

  it("reads the stamp, and X-Forwarded-For only as far as FACTDESK_TRUSTED_PROXIES allows", () => {
    const headers = new Headers({ [CONNECTION_HEADER]: "10.0.0.2", "x-forwarded-for": "203.0.113.77, 198.51.100.20" });
    vi.stubEnv("FACTDESK_TRUSTED_PROXIES", "");
    expect(clientAddress(headers)).toBe("10.0.0.2");
    vi.stubEnv("FACTDESK_TRUSTED_PROXIES", "1");
    expect(clientAddress(headers)).toBe("198.51.100.20");
    // next-auth hands authorize() the headers as a plain object.
    expect(clientAddress(Object.fromEntries(headers))).toBe("198.51.100.20");
  });
});

describe("the server's stamp", () => {
  it("replaces whatever the client sent in the stamp header with the socket's address", () => {
    const socket = new Socket();
    Object.defineProperty(socket, "remoteAddress", { value: "192.0.2.44" });
    const request = new IncomingMessage(socket);
    request.headers = { [CONNECTION_HEADER]: "203.0.113.77", "x-forwarded-for": "203.0.113.78" };
    stampConnection(request);
    expect(request.headers[CONNECTION_HEADER]).toBe("192.0.2.44");
    // X-Forwarded-For is left for the trusted-proxy rules to read or ignore.
    expect(request.headers["x-forwarded-for"]).toBe("203.0.113.78");
    socket.destroy();
  });
});
