// A web-test-runner plugin: what Chromium's DevTools protocol says of the test page, for tests of
// leaks that the page's own JavaScript cannot see.
//
//   executeServerCommand('cdp-dom-counters')  → { jsEventListeners, nodes, documents }: after a full
//       garbage collection, the renderer's counts of event listeners, DOM nodes and documents
//       (Memory.getDOMCounters: the test page and its iframes)
export function cdpPlugin() {
  return {
    name: 'cdp',
    async executeCommand({ command, session }) {
      if (command !== 'cdp-dom-counters') return undefined;
      const cdp = await session.browser.getPage(session.id).createCDPSession();
      try {
        await cdp.send('HeapProfiler.collectGarbage');
        return await cdp.send('Memory.getDOMCounters');
      } finally {
        await cdp.detach();
      }
    },
  };
}
