#!/usr/bin/env node
// Registers tsx in this process and runs the TypeScript CLI, so `npx kbridge` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli.ts');
