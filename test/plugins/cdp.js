// A web-test-runner plugin: what Chromium's DevTools protocol says of the test page, for tests of
// leaks that the page's own JavaScript cannot see.
//
//   executeServerCommand('cdp-dom-counters')  → { jsEventListeners, nodes, documents }: after a full
//       garbage collection, the renderer's counts of event listeners, DOM nodes and documents
//       (Memory.getDOMCounters: the test page and its iframes)
//   executeServerCommand('set-offline', { offline, ms })  → the test page and its iframes go offline
//       (or online) as DevTools' network conditions say, with `offline`/`online` events and
//       navigator.onLine; with `ms`, back as they were that much later (the page cannot ask while offline)
export function cdpPlugin() {
  return {
    name: 'cdp',
    async executeCommand({ command, payload, session }) {
      if (command === 'set-offline') {
        const page = session.browser.getPage(session.id);
        await page.setOfflineMode(payload.offline);
        if (payload.ms) setTimeout(() => void page.setOfflineMode(!payload.offline).catch(() => undefined), payload.ms);
        return true;
      }
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
