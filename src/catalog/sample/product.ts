/** Builds one realistic Korean listing (ProductRecord) from a template and a random stream. */
import type { ProductRecord } from '../catalog-record.ts';
import { renderDescription } from './description.ts';
import type { ChosenAxis } from './options.ts';
import { chooseAxis, expandVariants, optionTable, roundExtra } from './options.ts';
import type { Rng } from './prng.ts';
import type { SampleSeller } from './sellers.ts';
import { buildTitle } from './title.ts';
import type { ProductTemplate, SampleCategory } from './template.ts';
import { SAMPLE_ATTRIBUTE_NAMES } from './template.ts';

/** Fake CDN host: image URLs are never fetched. */
export const SAMPLE_IMAGE_HOST = 'https://image.sample-kbridge.kr';

const CATEGORY_CODES: Record<SampleCategory, string> = {
  beauty: 'BT',
  food: 'FD',
  fashion: 'FA',
  shoes: 'SH',
  home: 'HM',
  baby: 'BB',
  pet: 'PT',
  electronics: 'DG',
};

const NOTICES = [
  '※ 모니터 해상도에 따라 실제 색상과 다소 차이가 있을 수 있습니다.',
  '※ 단순 변심에 의한 교환/반품은 수령 후 7일 이내 가능하며 왕복 배송비는 고객 부담입니다.',
  '※ 평일 오후 2시 이전 결제 완료 시 당일 출고됩니다 (주말, 공휴일 제외).',
];

/**
 * 판매가 as Korean sellers set it: mostly ending in 900, 800, 500 or 000; cheap food sometimes to 10 won
 * (4,980). Always a multiple of 10.
 */
export function roundPrice(rng: Rng, raw: number): number {
  const thousands = Math.floor(raw / 1000) * 1000;
  if (raw < 10000 && rng.chance(0.15)) return Math.floor(raw / 100) * 100 + rng.pick([50, 80, 90]);
  const ending = rng.weighted([
    [900, 45],
    [800, 10],
    [500, 15],
    [0, 20],
    [-1, 10],
  ]);
  if (ending === -1) return Math.max(100, Math.round(raw / 100) * 100);
  return Math.max(
    ending === 0 ? 1000 : ending,
    (ending === 0 ? Math.round(raw / 1000) * 1000 : thousands) + ending,
  );
}

function jitter(rng: Rng, value: number, spread: number): number {
  return value * (1 - spread + rng.next() * 2 * spread);
}

/** Product number `seq` (1-based) of `seller`, from `template`. */
export function buildProduct(
  rng: Rng,
  template: ProductTemplate,
  seller: SampleSeller,
  seq: number,
): ProductRecord {
  const sku = `${seller.code}-${CATEGORY_CODES[template.category]}-${String(seq).padStart(5, '0')}`;
  const [brandName, brandMaker, brandLines] = rng.pick(template.brands);
  const brand = brandName === '' ? undefined : brandName;
  const manufacturer = brandMaker !== '' ? brandMaker : rng.chance(0.7) ? seller.record.name : undefined;
  const origin = rng.weighted(template.origins);
  const lines = brandLines && brandLines.length > 0 ? brandLines : template.lines;

  // The headline spec: either one value, or 2–3 consecutive values as an option axis.
  const spec = template.spec;
  let specAxis: ChosenAxis | undefined;
  let specValue: string | undefined;
  let rawPrice = rng.int(template.price[0], template.price[1]);
  // A bigger pack (2kg rather than 500g) costs and weighs more.
  let sizeFactor = 1;
  if (spec) {
    const asOption = rng.chance(spec.optionChance) && spec.values.length > 1;
    const count = asOption ? Math.min(rng.int(2, 3), spec.values.length) : 1;
    const specStart = rng.int(0, spec.values.length - count);
    sizeFactor = 1 + specStart * spec.scale;
    rawPrice *= sizeFactor;
    const values = spec.values.slice(specStart, specStart + count);
    if (asOption) {
      const step = roundExtra(rawPrice * spec.scale * 0.9);
      specAxis = {
        spec: { name: spec.name, values, count: [count, count], ordered: true },
        values,
        extras: values.map((_, i) => i * step),
      };
    } else specValue = values[0];
  }
  const priceKrw = roundPrice(rng, rawPrice);

  const plan = rng.weighted(template.optionPlans);
  const axes = [...(specAxis ? [specAxis] : []), ...plan.map((a) => chooseAxis(rng, a))];
  const variants = expandVariants(rng, sku, axes);

  const attributes: Record<string, string> = { ...template.attributes(rng, origin) };
  if (spec && spec.attribute !== null) {
    attributes[spec.attribute ?? spec.name] = specAxis ? specAxis.values.join(', ') : (specValue ?? '');
  }
  for (const axis of axes)
    if (axis.spec.name === '색상' || axis.spec.name === '사이즈')
      attributes[axis.spec.name] = axis.values.join(', ');
  // Column order of the canonical CSV, so a record read back from CSV lists its attributes alike.
  const orderedAttributes: Record<string, string> = {};
  for (const name of SAMPLE_ATTRIBUTE_NAMES) {
    const value = attributes[name];
    if (value !== undefined) orderedAttributes[name] = value;
  }
  const unlisted = Object.keys(attributes).filter((name) => !(name in orderedAttributes));
  if (unlisted.length > 0)
    throw new Error(`template ${template.path}: attributes ${unlisted.join(', ')} not listed`);

  const title = buildTitle(rng, {
    template,
    brand,
    lines,
    specValue,
    axes,
    specOption: specAxis !== undefined,
  });
  const folder = `${SAMPLE_IMAGE_HOST}/goods/${seller.code.toLowerCase()}/${sku.toLowerCase()}`;
  const images = [
    `${folder}/main.jpg`,
    ...Array.from({ length: rng.int(1, 4) }, (_, i) => `${folder}/add_${i + 1}.jpg`),
  ];
  const detailImages = Array.from(
    { length: rng.int(2, 5) },
    (_, i) => `${folder}/detail_${String(i + 1).padStart(2, '0')}.jpg`,
  );
  const weightG = Math.round((rng.int(template.weightG[0], template.weightG[1]) * sizeFactor) / 10) * 10;
  const [l, w, h] = template.box.map((cm) => Math.max(1, Math.round(jitter(rng, cm, 0.15))));
  const hsCode = template.hsCode && rng.chance(0.85) ? template.hsCode : undefined;

  const specRows: [string, string][] = [
    ['상품명', title.replace(/^(\[[^\]]*\]\s*)+/, '')],
    ...(brand ? [['브랜드', brand] as [string, string]] : []),
    ...(manufacturer ? [['제조사', manufacturer] as [string, string]] : []),
    // Food lists 원산지 per ingredient and goods list 제조국 among the attributes; no second row then.
    ...(attributes['원산지'] || attributes['제조국'] ? [] : [['원산지', origin] as [string, string]]),
    ...Object.entries(orderedAttributes),
  ];
  const descriptionHtml = renderDescription({
    detailImages,
    pitch: rng.sample(template.pitch, rng.int(1, 2)),
    specRows,
    notice: rng.pick(NOTICES),
  });

  return {
    seller: { ...seller.record },
    sku,
    title,
    ...(brand ? { brand } : {}),
    ...(manufacturer ? { manufacturer } : {}),
    origin,
    categoryPath: template.path,
    priceKrw,
    descriptionHtml,
    images,
    weightG: Math.max(10, weightG),
    dimensionsCm: { length: l ?? 1, width: w ?? 1, height: h ?? 1 },
    ...(hsCode ? { hsCode } : {}),
    attributes: orderedAttributes,
    options: optionTable(axes),
    variants,
  };
}
