import { describe, expect, it } from "vitest";
import { MAX_RATIONALE_CHARS, rationaleForReader, rationaleFromJSON, rationaleFromText } from "@/lib/annotations/rationale";

const linkDoc = (href: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "link", marks: [{ type: "link", attrs: { href } }] }] }],
});

describe("rationale", () => {
  it("reads plain text as paragraphs and line breaks, with the same plain text back", () => {
    const { doc, text } = rationaleFromText("\nOne\ntwo\n\n\n  \nThree\n");
    expect(text).toBe("One\ntwo\n\nThree");
    expect(doc.content?.map((node) => node.type)).toEqual(["paragraph", "paragraph"]);
  });

  it.each(["https://example.org/", "http://example.org/a?b=c", "mailto:desk@example.org"])("accepts a link to %s", (href) => {
    expect(rationaleFromJSON(linkDoc(href)).text).toBe("link");
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,x", "vbscript:x", "/relative", "ftp://x.org/"])(
    "refuses a link to %s",
    (href) => {
      expect(() => rationaleFromJSON(linkDoc(href))).toThrow(expect.objectContaining({ code: "unprocessable" }));
    },
  );

  it("refuses nodes and marks outside the rationale schema", () => {
    for (const doc of [
      { type: "doc", content: [{ type: "blockquote", content: [{ type: "paragraph" }] }] },
      { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "code" }] }] }] },
      { type: "doc", content: [{ type: "horizontalRule" }] },
      { type: "paragraph" },
      { type: "doc", content: [{ type: "orderedList", attrs: { start: "1; x" }, content: [{ type: "listItem", content: [{ type: "paragraph" }] }] }] },
    ]) {
      expect(() => rationaleFromJSON(doc)).toThrow(expect.objectContaining({ code: "unprocessable" }));
    }
  });

  it("refuses an empty document and one with too much text as bad input", () => {
    expect(() => rationaleFromJSON({ type: "doc", content: [{ type: "paragraph" }] })).toThrow(
      expect.objectContaining({ code: "invalid_input", fields: { rationale: "Write a rationale." } }),
    );
    const long = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(MAX_RATIONALE_CHARS + 1) }] }] };
    expect(() => rationaleFromJSON(long)).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });

  describe("mentions", () => {
    const withMention = (attrs: Record<string, unknown>) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Asked " }, { type: "mention", attrs }, { type: "text", text: " to confirm." }] }],
    });

    it("keeps only the person's id, and writes the text with a reference, never a name", () => {
      const stored = rationaleFromJSON(withMention({ id: "u1", label: "<b>Forged name</b>", onclick: "x" }));
      expect(stored.mentions).toEqual(["u1"]);
      expect(stored.text).toBe("Asked <@u1> to confirm.");
      expect(JSON.stringify(stored.doc)).not.toContain("Forged");
      expect(stored.doc.content?.[0]?.content?.[1]).toMatchObject({ type: "mention", attrs: { id: "u1", label: null } });
    });

    it("turns <@userId> typed as plain text, or inside a document's text, into the same mention", () => {
      const fromText = rationaleFromText("Asked <@u1> to confirm.");
      const fromJSON = rationaleFromJSON({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Asked <@u1> to confirm." }] }] });
      expect(fromText).toEqual(rationaleFromJSON(withMention({ id: "u1" })));
      expect(fromJSON).toEqual(fromText);
    });

    it("refuses a mention without a well-formed id, and malformed content, as unprocessable", () => {
      for (const attrs of [{}, { id: "" }, { id: "a b" }, { id: 7 }]) {
        expect(() => rationaleFromJSON(withMention(attrs))).toThrow(expect.objectContaining({ code: "unprocessable" }));
      }
      const broken = { type: "doc", content: [{ type: "paragraph", content: [null, { type: "text", text: "<@u1>" }] }] };
      expect(() => rationaleFromJSON(broken)).toThrow(expect.objectContaining({ code: "unprocessable", message: expect.stringContaining("rationale schema") }));
    });

    it("shows readers the current name, and someone for a person no longer known", () => {
      const stored = rationaleFromText("Asked <@u1> and <@gone>.");
      const read = rationaleForReader(stored, new Map([["u1", "Alice Renamed"]]));
      expect(read.text).toBe("Asked @Alice Renamed and @someone.");
      expect(read.doc.content?.[0]?.content?.[1]).toMatchObject({ type: "mention", attrs: { id: "u1", label: "Alice Renamed" } });
      expect(read.doc.content?.[0]?.content?.[3]).toMatchObject({ type: "mention", attrs: { id: "gone", label: null } });
    });
  });
});
