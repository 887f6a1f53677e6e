// A web-test-runner plugin: what Chromium's DevTools protocol says of the test page, or does to
// it, for tests that the page's own JavaScript cannot write.
//
//   executeServerCommand('cdp-dom-counters')  → { jsEventListeners, nodes, documents }: after a full
//       garbage collection, the renderer's counts of event listeners, DOM nodes and documents
//       (Memory.getDOMCounters: the test page and its iframes)
//   executeServerCommand('cdp-block', { urls })  → true: from now on the test page and its
//       iframes fail every request whose URL matches one of `urls` (Network.setBlockedURLs,
//       wildcards `*`), as a network that is gone would; `urls: []` lets them through again
//   executeServerCommand('set-offline', { offline, ms })  → the test page and its iframes go offline
//       (or online) as DevTools' network conditions say, with `offline`/`online` events and
//       navigator.onLine; with `ms`, back as they were that much later (the page cannot ask while offline)
/** The DevTools session kept open per test page while it blocks requests. */
const blocking = new Map();

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
      if (command === 'cdp-block') {
        let cdp = blocking.get(session.id);
        if (!cdp) {
          cdp = await session.browser.getPage(session.id).createCDPSession();
          await cdp.send('Network.enable');
          blocking.set(session.id, cdp);
        }
        await cdp.send('Network.setBlockedURLs', { urls: payload.urls });
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
