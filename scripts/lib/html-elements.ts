/** The elements of an HTML document as a flat list (parse5, the HTML standard's parsing). */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export interface HtmlElement {
  /** Lower-case tag name. */
  readonly tag: string;
  /** Attributes by lower-case name, values decoded. */
  readonly attrs: ReadonlyMap<string, string>;
  /** Concatenated text of the element's own text children (a script's code, a style's CSS). */
  readonly text: string;
}

type Node = DefaultTreeAdapterTypes.Node;

/** Every element of `html`, in document order, template contents included. */
export function htmlElements(html: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const text = node.childNodes
        .map((child) => (child.nodeName === '#text' && 'value' in child ? child.value : ''))
        .join('');
      found.push({
        tag: node.tagName,
        attrs: new Map(node.attrs.map(({ name, value }) => [name, value])),
        text,
      });
      if ('content' in node) visit(node.content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return found;
}
