#!/usr/bin/env node
// The single-file build (dist/bundle) starts several times faster; dist/cli is the same code unbundled.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/main.js', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
