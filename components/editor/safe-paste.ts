/**
 * Pasted links keep their text and lose an address the server would refuse (anything but
 * absolute http, https and mailto; lib/editor/article-document-rules.ts). Tiptap's Link parse
 * rule already drops `javascript:` and `data:`, but lets `tel:`, `ftp:` and relative addresses
 * through; without this, a paste would leave the editor unable to save until the link is found.
 *
 * Links that stay keep only their address: the Link extension would otherwise read `target`,
 * `rel`, `class` and `title` from the pasted HTML (a `target="_blank" rel="opener"` link, a
 * class of the app's own), which the server strips on save anyway (lib/articles/document.ts).
 */
import { Extension } from "@tiptap/core";
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { hrefProblem } from "@/lib/editor/article-document-rules";

export const safePasteKey = new PluginKey("safePaste");

/** The slice with every link mark whose address the server would refuse removed (its text kept), and other links reduced to their address. */
export function withoutRefusedLinks(slice: Slice): Slice {
  return new Slice(cleanFragment(slice.content), slice.openStart, slice.openEnd);
}

function cleanFragment(fragment: Fragment): Fragment {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      const marks = node.marks.flatMap((mark) => {
        if (mark.type.name !== "link") return [mark];
        return hrefProblem(mark.attrs.href) === null ? [mark.type.create({ href: mark.attrs.href as string })] : [];
      });
      nodes.push(node.mark(marks));
    } else {
      nodes.push(node.copy(cleanFragment(node.content)));
    }
  });
  return Fragment.fromArray(nodes);
}

export const SafePaste = Extension.create({
  name: "safePaste",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: safePasteKey,
        props: {
          transformPasted: withoutRefusedLinks,
        },
      }),
    ];
  },
});
