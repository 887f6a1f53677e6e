// `npm run bench:thread` and `npm run bench:markdown`: the browser-test setup, pointed at the benchmarks.
import config from '../web-test-runner.config.js';

export default {
  ...config,
  files: ['bench/*.bench.ts'],
  // Lit's production build, as readers get it.
  nodeResolve: { exportConditions: ['production'] },
  testFramework: { config: { timeout: 120000 } },
  testsFinishTimeout: 300000,
};
