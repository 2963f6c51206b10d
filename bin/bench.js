#!/usr/bin/env node
// Runs the benchmark suite (bench/*.ts) through tsx: `npm run bench [-- --quick] [-- --only dice.scan]`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
