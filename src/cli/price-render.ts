import { currency, type Money } from '../shared/index.ts';
import type { Quote, QuoteFailure, SimulationReport } from '../pricing/index.ts';
import { table } from './output.ts';

/** Exact amount with grouping and the currency's ISO minor digits ("1,089.00 THB"). */
export function fmt(m: Money): string {
  const digits = currency(m.currency).minorUnits;
  const sign = m.minor < 0 ? '-' : '';
  const abs = Math.abs(m.minor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = (digits ? abs.slice(0, -digits) : abs).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}${digits ? `.${abs.slice(-digits)}` : ''} ${m.currency}`;
}

/** The waterfall table people read: one row per component, local and KRW, and the rules. */
export function renderQuote(q: Quote): string {
  const rows = q.components.map((c) => [c.label, fmt(c.local), fmt(c.krw), c.rule]);
  rows.push(['= price', fmt(q.price), fmt(q.priceKrw), `rounding.${q.rounding.rule}`]);
  const lines = [
    `${q.site} (${q.marketplace}, ${q.country}) — ${q.mode === 'fixed' ? 'checked price' : 'price'} ${fmt(q.price)} ≈ ${fmt(q.priceKrw)}`,
    '',
    table(['component', q.currency, 'KRW', 'rule'], rows),
    '',
    `margin      ${fmt(q.margin.local)} = ${q.margin.pct}% of the price net of tax (target ${q.margin.targetPct}%, floor ${q.margin.floorPct}%)`,
    `unrounded   ${fmt(q.rounding.unrounded)} → ${fmt(q.price)} (${q.rounding.rule} endings)`,
    `shipping    ${q.shipping.name}: actual ${q.shipping.actualWeightG} g, volumetric ${q.shipping.volumetricWeightG} g, chargeable ${q.shipping.chargeableWeightG} g`,
    `customs     value ${fmt(q.customs.customsValue)} (${q.customs.valueBasis.toUpperCase()}), band ${q.customs.band}`,
  ];
  for (const b of q.customs.buyerPays) {
    lines.push(
      `buyer pays  ${b.label} ${fmt(b.amount)} ${b.collection === 'on-top' ? 'added at checkout' : 'at import'} (not in the price)`,
    );
  }
  if (q.special) {
    lines.push(
      `special     ${fmt(q.special.price)} (${q.special.discountPct}% off), margin ${q.special.margin.pct}%`,
    );
  }
  lines.push(
    `fx          ${q.fxSnapshot.krwPerUnit} KRW/${q.currency}, snapshot ${q.fxSnapshot.id} (${q.fxSnapshot.source}, ${q.fxSnapshot.takenAt})`,
    `data        ${q.dataVersion}, rules as of ${q.asOf}`,
    '',
    'rules:',
    ...q.rules.map((r) => `  ${r.code}: ${r.text}${r.asOf ? ` [as of ${r.asOf}]` : ''}`),
  );
  return lines.join('\n');
}

export function renderFailure(f: QuoteFailure): string {
  const lines = [
    `${f.site}: no price — ${f.kind === 'guard-failed' ? `guard ${f.guard} failed` : f.kind}`,
    `  ${f.message}`,
  ];
  if (f.kind === 'guard-failed')
    for (const [k, v] of Object.entries(f.details)) lines.push(`  ${k}: ${String(v)}`);
  if (f.kind === 'no-shipping-service') for (const r of f.reasons) lines.push(`  ${r.service}: ${r.reason}`);
  return lines.join('\n');
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

export function renderSimulation(r: SimulationReport): string {
  const rows = r.sites.map((s) => [
    s.site,
    s.quoted,
    `${s.marginPctBefore}%`,
    `${s.marginPctAtCurrentPrices}%`,
    (s.marginKrwAtCurrentPrices - s.marginKrwBefore).toLocaleString('en-US'),
    s.belowFloorAtCurrentPrices,
    s.repriced.changed,
    `${s.repriced.avgPriceChangePct}%`,
    `${s.repriced.marginPctAfter}%`,
    s.repriced.failed,
  ]);
  const t = r.totals;
  return [
    `what-if: fx ${r.scenario.fx.map((f) => `${f.currency}=${f.rate ?? `${signed(f.changePct ?? 0)}%`}`).join(', ') || '-'}; fees ${r.scenario.fees.map((f) => `${f.target}.${f.field}=${signed(f.deltaPt ?? f.relativePct ?? 0)}${f.deltaPt !== undefined ? 'pt' : '%'}`).join(', ') || '-'} (nothing stored)`,
    '',
    table(
      [
        'site',
        'quoted',
        'margin',
        'margin@same price',
        'Δ margin KRW',
        '<floor',
        'repriced',
        'avg Δprice',
        'margin after',
        'fail',
      ],
      rows,
    ),
    '',
    `${t.items} items × ${r.sites.length} sites: margin at current prices ${t.marginKrwBefore.toLocaleString('en-US')} → ${t.marginKrwAtCurrentPrices.toLocaleString('en-US')} KRW; ${t.belowFloorAtCurrentPrices} quotes under their floor; requoting would change ${t.changed} prices (${t.failed} fail)`,
  ].join('\n');
}
