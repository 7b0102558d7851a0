import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_WAYBACK_URL, waybackSettings } from "@/lib/archives/wayback";

describe("the Save Page Now settings", () => {
  afterEach(() => {
    delete process.env.FACTDESK_WAYBACK;
    delete process.env.FACTDESK_WAYBACK_URL;
  });

  it("are off by default, at the Internet Archive's address", () => {
    expect(waybackSettings()).toEqual({ enabled: false, endpoint: DEFAULT_WAYBACK_URL });
    expect(DEFAULT_WAYBACK_URL).toBe("https://web.archive.org/save/");
  });

  it("are switched on by FACTDESK_WAYBACK=on, with the endpoint of FACTDESK_WAYBACK_URL", () => {
    process.env.FACTDESK_WAYBACK = " ON ";
    process.env.FACTDESK_WAYBACK_URL = "http://127.0.0.1:4000/save/";
    expect(waybackSettings()).toEqual({ enabled: true, endpoint: "http://127.0.0.1:4000/save/" });
  });

  it("refuse a value they do not know, naming the variable", () => {
    process.env.FACTDESK_WAYBACK = "yes";
    expect(() => waybackSettings()).toThrow(/FACTDESK_WAYBACK must be "on" or "off"/);
    process.env.FACTDESK_WAYBACK = "on";
    process.env.FACTDESK_WAYBACK_URL = "ftp://archive.example/save/";
    expect(() => waybackSettings()).toThrow(/FACTDESK_WAYBACK_URL must be an http\(s\) URL/);
  });
});
