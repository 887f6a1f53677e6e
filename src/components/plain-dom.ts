import { render, type TemplateResult } from 'lit';

/**
 * Draws `template` with Lit into a fragment, as plain DOM, then brings `into`'s children in line
 * with it: nodes that are still there stay (with the focus, and whatever a reader or a screen
 * reader holds on to), only what differs changes. Nothing on the page refers back to the template
 * afterwards: no parts, no markers, so a thread of a thousand comments costs its elements only.
 */
export function drawInto(into: Element, template: TemplateResult): void {
  const drawn = document.createDocumentFragment();
  render(template, drawn);
  const walker = document.createTreeWalker(drawn, NodeFilter.SHOW_COMMENT);
  const markers: ChildNode[] = [];
  while (walker.nextNode()) markers.push(walker.currentNode as ChildNode);
  for (const marker of markers) marker.remove();
  // A one-paragraph body needs no paragraph element of its own.
  const body = drawn.querySelector('.body');
  if (body?.childNodes.length === 1 && body.firstElementChild?.localName === 'p') body.replaceChildren(...body.firstElementChild.childNodes);
  morph(into, drawn);
}

/**
 * Makes `into`'s children look like `like`'s: nodes of the same kind in the same place are kept
 * and updated (attributes, text; an edit box keeps what is typed in it), others are replaced. A
 * list of replies (.replies) is its thread's to fill.
 */
function morph(into: Node, like: Node): void {
  let old = into.firstChild;
  for (let node = like.firstChild; node;) {
    const next = node.nextSibling;
    if (old && old.nodeName === node.nodeName) {
      if (old instanceof Element) {
        const element = node as Element;
        for (const { name } of [...old.attributes]) if (!element.hasAttribute(name)) old.removeAttribute(name);
        for (const { name, value } of element.attributes) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
        if (!old.matches('.replies')) morph(old, node);
      } else if (old.nodeValue !== node.nodeValue) old.nodeValue = node.nodeValue;
      old = old.nextSibling;
    } else into.insertBefore(node, old);
    node = next;
  }
  while (old) {
    const gone = old;
    old = old.nextSibling;
    gone.remove();
  }
}
