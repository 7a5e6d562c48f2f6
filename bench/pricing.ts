// `npm run bench -- pricing [--items N] [--rounds R] [--seed S]`
// Quotes per second on one core (one process, one thread): a seeded sample catalog of N items
// (default 5,000) quoted on every site (15) per round, with the shipped data and the dated FX
// sample. Prints throughput per round, the median and best, and what share of quotes succeeded.
// Also times the repricing pass (requote after a 3% THB move) and the per-site quote mix.
import {
  createPricingContext,
  defaultFxSnapshot,
  quote,
  requote,
  sampleItems,
  withRates,
} from '../src/pricing/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const n = Number(arg('items', '5000'));
const rounds = Number(arg('rounds', '7'));
const seed = Number(arg('seed', '42'));

const fx = defaultFxSnapshot();
const ctx = createPricingContext({ fx, asOf: '2026-11-25' });
const sites = [...ctx.sites.keys()];
const items = sampleItems(n, seed);

function round(): { seconds: number; ok: number; failed: number } {
  let ok = 0;
  let failed = 0;
  const t0 = performance.now();
  for (const item of items) {
    for (const site of sites) {
      if (quote(ctx, site, item).ok) ok++;
      else failed++;
    }
  }
  return { seconds: (performance.now() - t0) / 1000, ok, failed };
}

round(); // warm-up: JIT and the per-site maps
const rates: number[] = [];
let last = { ok: 0, failed: 0 };
for (let r = 0; r < rounds; r++) {
  const res = round();
  last = res;
  rates.push((res.ok + res.failed) / res.seconds);
}
const sorted = [...rates].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

const moved = createPricingContext({
  fx: withRates(fx, { THB: Number(fx.rates.THB) * 0.97 }, 'bench', fx.takenAt),
  asOf: '2026-11-25',
});
const t0 = performance.now();
const { summary } = requote(items, ctx, moved);
const requoteSeconds = (performance.now() - t0) / 1000;

console.log(`pricing benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(
  `catalog: ${n} sample items (seed ${seed}) × ${sites.length} sites = ${fmt(n * sites.length)} quotes per round, ${rounds} rounds after a warm-up`,
);
console.log(`quotes/s per round: ${rates.map(fmt).join(', ')}`);
console.log(`quotes/s median ${fmt(median)}, best ${fmt(sorted[sorted.length - 1]!)} (one core, one thread)`);
console.log(
  `outcomes per round: ${fmt(last.ok)} priced, ${fmt(last.failed)} rejected (no shipping service or a guard)`,
);
console.log(
  `requote after THB -3%: ${summary.sites.map((s) => s.site).join(', ')}: ${fmt(summary.quotes)} items requoted (2 quotes each) in ${requoteSeconds.toFixed(3)} s, ${fmt(summary.changed)} prices changed`,
);
