#!/usr/bin/env node
// `npx chime-server`: the reference server, run from its TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
