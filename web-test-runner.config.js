import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { networkPlugin } from './test/plugins/network.js';
import { chimeServerPlugin } from './test/plugins/chime-server.js';
import { blogPlugin } from './test/plugins/blog.js';
import { fallbackBlogPlugin } from './test/plugins/fallback-blog.js';
import { mailServerPlugin } from './test/plugins/mail-server.js';
import { cdpPlugin } from './test/plugins/cdp.js';
import { frameworksPlugin } from './test/plugins/frameworks.js';

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
  // Tests run Lit's development build, whose checks warn about real mistakes; only its "Lit is in
  // dev mode" banner, printed once per test file, is silenced (Lit skips warnings already issued).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [
    async (context, next) => {
      await next();
      if (context.path === '/test/fixtures/csp.html') context.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    chimeServerPlugin(),
    networkPlugin(),
    blogPlugin(),
    fallbackBlogPlugin(),
    mailServerPlugin(),
    cdpPlugin(),
    frameworksPlugin(),
  ],
};
