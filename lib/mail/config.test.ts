import { afterEach, describe, expect, it, vi } from "vitest";
import { describeMail, mailConfig, mailEnabled } from "@/lib/mail/config";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("mail configuration", () => {
  it("is off without SMTP_URL", () => {
    vi.stubEnv("SMTP_URL", "");
    expect(mailEnabled()).toBe(false);
    expect(mailConfig()).toBeNull();
  });

  it("sends from FACTDESK_MAIL_FROM, else from the public origin's host", () => {
    vi.stubEnv("SMTP_URL", "smtp://desk:secret@127.0.0.1:2525");
    vi.stubEnv("FACTDESK_PUBLIC_URL", "https://desk.example.org");
    vi.stubEnv("FACTDESK_MAIL_FROM", "");
    expect(mailConfig()).toEqual({ smtpUrl: "smtp://desk:secret@127.0.0.1:2525", from: "Factdesk <factdesk@desk.example.org>" });
    vi.stubEnv("FACTDESK_MAIL_FROM", "Newsroom <news@example.org>");
    expect(mailConfig()?.from).toBe("Newsroom <news@example.org>");
  });

  it("refuses an address that is not smtp(s), without repeating its password", () => {
    vi.stubEnv("SMTP_URL", "http://desk:secret@mail.example.org");
    expect(() => mailConfig()).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(() => mailConfig()).not.toThrow(/secret/);
    vi.stubEnv("SMTP_URL", "not a url secret");
    expect(() => mailConfig()).toThrow(/SMTP_URL must be a URL/);
    expect(() => mailConfig()).not.toThrow(/secret/);
  });

  it("is described for the worker's log without the password", () => {
    vi.stubEnv("SMTP_URL", "");
    expect(describeMail()).toBe("Email: off (SMTP_URL is not set).");
    vi.stubEnv("SMTP_URL", "smtps://desk:secret@mail.example.org:465");
    vi.stubEnv("FACTDESK_MAIL_FROM", "Desk <desk@example.org>");
    expect(describeMail()).toBe("Email: through smtps://mail.example.org:465, from Desk <desk@example.org>.");
    vi.stubEnv("SMTP_URL", "http://desk:secret@mail.example.org");
    expect(describeMail()).toMatch(/^Email: not sent, SMTP_URL must start with/);
    expect(describeMail()).not.toContain("secret");
  });
});
