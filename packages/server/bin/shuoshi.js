#!/usr/bin/env -S node --max-old-space-size=768 --max-semi-space-size=32
// The `shuoshi` command: runs the built server (dist/cli/main.js, `pnpm start` builds it) with plain
// node when it is current; otherwise the TypeScript sources through tsx's loader, so that a command
// never runs code older than the sources (tsx costs memory: its loader has a V8 isolate of its own).
// Node's flags (the first line, and package.json's scripts) are SERVER_NODE_FLAGS of server-bundle.js.
import { pathToFileURL } from 'node:url';
import { SERVER_BUNDLE, serverBuildStaleReason } from './server-bundle.js';

if (serverBuildStaleReason() === null) {
  await import(pathToFileURL(SERVER_BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
