// loading="lazy": the code that waits for an element to come near, a chunk of its own that eager
// elements (the default) never load.

/** What to do when each element being watched comes near (the latest asked for). */
const watching = new WeakMap<Element, () => void>();

/** Calls `then` once `element` comes within a screen of the viewport; asked again before, only the latest `then` is called. */
export function whenNear(element: Element, then: () => void): void {
  if (watching.has(element)) return void watching.set(element, then);
  watching.set(element, then);
  new IntersectionObserver(
    ([entry], observer) => {
      if (!entry.isIntersecting) return;
      observer.disconnect();
      watching.get(element)!();
      watching.delete(element);
    },
    // The document's own viewport, also in a frame (the implicit root would be the top page's).
    { root: document, rootMargin: '100%' },
  ).observe(element);
}
