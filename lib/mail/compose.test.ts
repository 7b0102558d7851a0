import { describe, expect, it } from "vitest";
import { composeDigest, composeImmediate, type MailItem } from "@/lib/mail/compose";

const ORIGIN = "https://desk.example.org";

function item(extra: Partial<MailItem> = {}): MailItem {
  return {
    actorName: "Bob",
    summary: "mentioned you: “is this right?”",
    articleTitle: "Budget 2027",
    target: { type: "annotation", id: "a1", articleId: "art 1", claimId: "c&1" },
    createdAt: new Date("2026-12-07T09:41:00Z"),
    ...extra,
  };
}

describe("notification mails", () => {
  it("link to the claim on the public origin, in the text and the HTML", () => {
    const mail = composeImmediate({ recipientName: "Alice", item: item(), origin: ORIGIN });
    expect(mail.subject).toBe("[Factdesk] Bob mentioned you: “is this right?”");
    expect(mail.text).toContain("Hello Alice,");
    expect(mail.text).toContain(`Open it: ${ORIGIN}/articles/art%201?claim=c%261`);
    expect(mail.html).toContain(`href="${ORIGIN}/articles/art%201?claim=c%261"`);
    expect(mail.text).toContain(`${ORIGIN}/settings`);
  });

  it("escape everything people typed in the HTML and keep headers on one line", () => {
    const mail = composeImmediate({
      recipientName: "<script>alert(1)</script>",
      item: item({ actorName: 'Eve "<img src=x onerror=alert(1)>"', summary: "mentioned you:\r\nBcc: victim@example.org", articleTitle: "<b>bold</b> & co" }),
      origin: ORIGIN,
    });
    expect(mail.html).not.toMatch(/<script|<img|<b>/);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Eve &quot;&lt;img src=x onerror=alert(1)&gt;&quot;");
    expect(mail.html).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; co");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain("mentioned you: Bcc: victim@example.org");
  });

  it("name nobody when the actor's account is gone", () => {
    const mail = composeImmediate({ recipientName: "Alice", item: item({ actorName: null, summary: "due within 24 hours: “Budget”" }), origin: ORIGIN });
    expect(mail.subject).toBe("[Factdesk] Due within 24 hours: “Budget”");
  });

  it("list every notification of a digest, oldest first as given, with its time and link", () => {
    const mail = composeDigest({
      recipientName: "Erin",
      items: [item(), item({ actorName: "Carol", summary: "replied on “x”: “y”", createdAt: new Date("2026-12-07T09:55:00Z") })],
      origin: ORIGIN,
    });
    expect(mail.subject).toBe("[Factdesk] 2 notifications");
    expect(mail.text.indexOf("09:41 UTC Bob mentioned you")).toBeGreaterThan(0);
    expect(mail.text.indexOf("09:55 UTC Carol replied on")).toBeGreaterThan(mail.text.indexOf("09:41 UTC"));
    expect(mail.html.match(/<li /g)).toHaveLength(2);
  });
});
