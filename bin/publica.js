#!/usr/bin/env node
// Entry of the `publica` command: loads TypeScript sources through tsx, then runs the CLI composition root.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli.ts');
await main(process.argv);
