import { describe, expect, it } from "vitest";
import { DOMParser, Slice } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";
import { articleSchema } from "@/lib/editor/extensions";
import { withoutRefusedLinks } from "./safe-paste";

describe("withoutRefusedLinks", () => {
  it("keeps http, https and mailto links and the text of any other", () => {
    const schema = articleSchema();
    const link = (href: string) => schema.marks.link!.create({ href });
    const paragraph = schema.nodes.paragraph!.create(null, [
      schema.text("web", [link("https://example.org/")]),
      schema.text(" phone", [link("tel:+123"), schema.marks.bold!.create()]),
      schema.text(" mail", [link("mailto:desk@example.org")]),
      schema.text(" relative", [link("/path")]),
    ]);
    const cleaned = withoutRefusedLinks(new Slice(schema.nodes.doc!.create(null, paragraph).content, 0, 0));
    const texts = cleaned.content.firstChild!.content.content.map((node) => [node.text, node.marks.map((mark) => mark.attrs.href ?? mark.type.name)]);
    expect(texts).toEqual([
      ["web", ["https://example.org/"]],
      [" phone", ["bold"]],
      [" mail", ["mailto:desk@example.org"]],
      [" relative", []],
    ]);
  });

  it("keeps only the address of a pasted link, not its target, rel, class or title", () => {
    const schema = articleSchema();
    const { document } = parseHTML(
      '<html><body><p><a href="https://example.org/" target="_blank" rel="opener" class="claim-highlight" title="t">text</a></p></body></html>',
    );
    const slice = DOMParser.fromSchema(schema).parseSlice(document.body as unknown as Node);
    const cleaned = withoutRefusedLinks(slice);
    const link = cleaned.content.firstChild!.firstChild!.marks[0]!;
    expect(link.attrs).toEqual(schema.marks.link!.create({ href: "https://example.org/" }).attrs);
    expect(link.attrs).toMatchObject({ href: "https://example.org/", rel: "noopener noreferrer nofollow", target: null, class: null });
  });
});
