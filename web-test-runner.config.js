import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { networkPlugin } from './test/plugins/network.js';
import { chimeServerPlugin } from './test/plugins/chime-server.js';

// Debian's Chromium, never a downloaded browser. Flags keep it quiet on a closed network and
// let it run as root in CI.
const chromium = chromeLauncher({
  launchOptions: {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

// What a careful blog serves: scripts and styles only from its own origin, no inline code, and
// Trusted Types enforced (Lit creates its "lit-html" policy). test/browser/csp.test.ts runs the
// built widget under it.
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

export default {
  files: ['test/browser/**/*.test.ts', 'test/contract/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  browsers: [chromium],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [
    async (context, next) => {
      await next();
      if (context.path === '/test/fixtures/csp.html') context.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), chimeServerPlugin(), networkPlugin()],
};
