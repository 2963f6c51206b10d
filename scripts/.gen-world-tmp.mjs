import { register } from 'tsx/esm/api';
register();
const { linkWorld } = await import('../bench/link-world.ts');
const t = performance.now();
for (const w of process.argv.slice(2).map(Number)) {
  const r = await linkWorld(100000, w, 20240611);
  console.log(w, r, ((performance.now() - t) / 1000).toFixed(1), 's', process.cpuUsage());
}
