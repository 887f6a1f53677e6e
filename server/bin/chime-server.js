#!/usr/bin/env node
// `npx chime-server`: the reference server and its subcommands (server/cli.ts), as compiled to
// JavaScript when the package was packed.
import '../dist/cli.js';
