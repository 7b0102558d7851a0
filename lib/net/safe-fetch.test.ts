/**
 * The fetcher's guarantees. Refusals of private and public ranges are proven with a stubbed
 * resolver: the refusal happens in the connection's lookup, before any socket connects, so no
 * test here ever opens a connection outside 127.0.0.1 (the fixture server, allowed through
 * FACTDESK_FETCH_ALLOW like an operator's internal host).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FetchError, FACTDESK_USER_AGENT, safeFetch, type Resolver } from "@/lib/net/safe-fetch";
import { html, startFixtureServer, type FixtureServer } from "@/tests/fixtures/web/server";

let server: FixtureServer;
const bytesSent = { big: 0 };

beforeAll(async () => {
  server = await startFixtureServer();
  server.route("/page", html("<html><head><title>A page</title></head><body><p>Hello</p></body></html>"));
  server.route("/ua", (request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(request.headers["user-agent"] ?? "");
  });
  for (let i = 1; i <= 8; i++) {
    server.route(`/hop/${i}`, (_request, response) => {
      response.writeHead(302, { location: i === 1 ? "/page" : `/hop/${i - 1}` });
      response.end();
    });
  }
  server.route("/absolute-hop", (_request, response) => {
    response.writeHead(301, { location: `${server.origin}/page` });
    response.end();
  });
  server.route("/to-private", (_request, response) => {
    response.writeHead(302, { location: "http://10.0.0.1/admin" });
    response.end();
  });
  server.route("/to-metadata-name", (_request, response) => {
    response.writeHead(307, { location: "http://metadata.example.test/latest/meta-data/" });
    response.end();
  });
  server.route("/to-ftp", (_request, response) => {
    response.writeHead(302, { location: "ftp://127.0.0.1/file" });
    response.end();
  });
  server.route("/silent", () => {
    // Accepts the request and never answers.
  });
  server.route("/drip", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const timer = setInterval(() => response.write("<p>still here</p>"), 100);
    response.on("close", () => clearInterval(timer));
  });
  server.route("/big", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const total = 50 * 1024 * 1024;
    const write = () => {
      while (bytesSent.big < total) {
        bytesSent.big += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", write);
      }
      response.end();
    };
    response.on("close", () => {
      bytesSent.big = Math.min(bytesSent.big, total);
    });
    write();
  });
  server.route("/big-declared", (_request, response) => {
    response.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
    response.write("<p>");
    setTimeout(() => response.destroy(), 2_000);
  });
  server.route("/pdf", (_request, response) => {
    response.writeHead(200, { "content-type": "application/pdf" });
    response.end("%PDF-1.7");
  });
  server.route("/gone", html("<h1>Gone</h1>", 410));
});

afterAll(() => server.close());
beforeEach(() => {
  vi.stubEnv("FACTDESK_FETCH_ALLOW", "127.0.0.1");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A resolver that answers `addresses` for every name and records what it was asked. */
function stubResolver(...addresses: string[]): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolver = async (hostname: string) => {
    asked.push(hostname);
    return addresses.map((address) => ({ address, family: address.includes(":") ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolver, { asked });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error("the fetch succeeded");
}

describe("safeFetch", () => {
  it("fetches a page from an allowed host, naming Factdesk as its user agent", async () => {
    const page = await safeFetch(`${server.origin}/page`);
    expect(page.status).toBe(200);
    expect(page.contentType).toBe("text/html");
    expect(page.body.toString()).toContain("<p>Hello</p>");
    expect(page.remoteAddress).toBe("127.0.0.1");
    const ua = await safeFetch(`${server.origin}/ua`);
    expect(ua.body.toString()).toBe(FACTDESK_USER_AGENT);
    expect(FACTDESK_USER_AGENT).toMatch(/^Factdesk\//);
  });

  it.each([
    ["10.0.0.1"],
    ["172.16.5.4"],
    ["192.168.1.1"],
    ["169.254.169.254"],
    ["100.64.0.1"],
    ["127.0.0.1"],
    ["0.0.0.0"],
    ["224.0.0.251"],
    ["255.255.255.255"],
    ["192.0.2.10"],
    ["240.0.0.1"],
    ["fd00::1"],
    ["fe80::1"],
    ["::1"],
    ["::"],
    ["ff02::1"],
    ["::ffff:10.0.0.1"],
    ["::ffff:127.0.0.1"],
    ["::ffff:169.254.169.254"],
    ["64:ff9b::a9fe:a9fe"],
    ["2002:a00:1::1"],
    ["2001:db8::1"],
  ])("refuses a name that resolves to %s, before connecting", async (address) => {
    const requestsBefore = server.requests.length;
    const resolver = stubResolver(address);
    const error = await failure(safeFetch(`http://news.example.test:${server.port}/page`, { resolver }));
    expect(error.reason).toBe("refused_address");
    expect(resolver.asked).toEqual(["news.example.test"]);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it("refuses a name whose answer mixes several internal addresses", async () => {
    const resolver = stubResolver("10.0.0.1", "fd00::1");
    expect((await failure(safeFetch("https://mixed.example.test/", { resolver }))).reason).toBe("refused_address");
  });

  it("connects to the address it checked: an allowed name goes to what the resolver answered", async () => {
    vi.stubEnv("FACTDESK_FETCH_ALLOW", "127.0.0.1, wiki.intranet.test");
    const resolver = stubResolver("127.0.0.1");
    const page = await safeFetch(`http://wiki.intranet.test:${server.port}/page`, { resolver });
    expect(page.body.toString()).toContain("Hello");
    expect(resolver.asked).toEqual(["wiki.intranet.test"]);
  });

  it.each([
    "http://127.0.0.2:PORT/page",
    "http://[::1]:PORT/page",
    "http://0.0.0.0:PORT/page",
    "http://2130706433:PORT/page",
    "http://0x7f.1:PORT/page",
    "http://0177.0.0.1:PORT/page",
    "http://127.1:PORT/page",
    "http://[::ffff:127.0.0.1]:PORT/page",
    "http://localhost:PORT/page",
  ])("refuses the loopback variant %s that is not on the allow list", async (template) => {
    const requestsBefore = server.requests.length;
    const resolver = stubResolver("127.0.0.1");
    const error = await failure(safeFetch(template.replace("PORT", String(server.port)), { resolver }));
    expect(error.reason).toBe("refused_address");
    expect(server.requests.length).toBe(requestsBefore);
  });

  it.each(["ftp://127.0.0.1/file", "file:///etc/passwd", "javascript:alert(1)", "http://user:secret@127.0.0.1/", "not a url", "//127.0.0.1/page"])(
    "refuses %s as an address it does not fetch",
    async (input) => {
      expect((await failure(safeFetch(input))).reason).toBe("invalid_url");
    },
  );

  it("follows a chain of redirects by hand and reports it", async () => {
    const page = await safeFetch(`${server.origin}/hop/4`);
    expect(page.url).toBe(`${server.origin}/page`);
    expect(page.chain).toEqual([4, 3, 2, 1].map((i) => `${server.origin}/hop/${i}`).concat(`${server.origin}/page`));
    const absolute = await safeFetch(`${server.origin}/absolute-hop`);
    expect(absolute.status).toBe(200);
  });

  it("stops after 5 redirects", async () => {
    expect((await safeFetch(`${server.origin}/hop/5`)).status).toBe(200);
    expect((await failure(safeFetch(`${server.origin}/hop/6`))).reason).toBe("too_many_redirects");
  });

  it("checks every redirect's target again", async () => {
    expect((await failure(safeFetch(`${server.origin}/to-private`))).reason).toBe("refused_address");
    const resolver = stubResolver("169.254.169.254");
    const error = await failure(safeFetch(`${server.origin}/to-metadata-name`, { resolver }));
    expect(error.reason).toBe("refused_address");
    expect(resolver.asked).toEqual(["metadata.example.test"]);
    expect((await failure(safeFetch(`${server.origin}/to-ftp`))).reason).toBe("invalid_url");
  });

  it("gives up on a server that never answers, and on one that drips forever", async () => {
    const started = Date.now();
    expect((await failure(safeFetch(`${server.origin}/silent`, { timeoutMs: 600 }))).reason).toBe("timeout");
    expect((await failure(safeFetch(`${server.origin}/drip`, { timeoutMs: 600 }))).reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("cuts a 50 MB body off at the size cap instead of reading it", async () => {
    bytesSent.big = 0;
    const error = await failure(safeFetch(`${server.origin}/big`, { maxBytes: 5_000_000 }));
    expect(error.reason).toBe("too_large");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bytesSent.big).toBeLessThan(25 * 1024 * 1024);
    const declared = await failure(safeFetch(`${server.origin}/big-declared`, { maxBytes: 5_000_000 }));
    expect(declared.reason).toBe("too_large");
  });

  it("refuses content that is not a web page", async () => {
    const error = await failure(safeFetch(`${server.origin}/pdf`));
    expect(error.reason).toBe("content_type");
    expect(error.message).toContain("application/pdf");
  });

  it("hands back an error status for the caller to judge", async () => {
    const page = await safeFetch(`${server.origin}/gone`);
    expect(page.status).toBe(410);
  });
});

describe("FACTDESK_FETCH_PUBLIC=off", () => {
  it("fetches only from allowed hosts, refusing any other name before resolving it", async () => {
    vi.stubEnv("FACTDESK_FETCH_PUBLIC", "off");
    const resolver = stubResolver("127.0.0.1");
    expect((await failure(safeFetch("https://public.example.test/", { resolver }))).reason).toBe("refused_address");
    expect(resolver.asked).toEqual([]);
    expect((await safeFetch(`${server.origin}/page`)).status).toBe(200);
  });
});
