#!/usr/bin/env node
// `npx chime-server`: the reference server, as compiled to JavaScript when the package was packed.
import '../dist/main.js';
