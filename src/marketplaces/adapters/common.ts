import { AppError, parseMoney, toDecimalString, type Money } from '../../shared/index.ts';
import { stringValue } from '../lossless-json.ts';
import type { OpenPlatformClient, SellerSession } from '../open-platform-client.ts';
import type { PayloadFormat } from '../payload.ts';
import type { Site } from '../sites.ts';

/** Batch-size limits from the research (2.3, 2.7, 2.11, 3.3). */
export const BATCH_LIMITS = Object.freeze({
  /** SKUs per `/product/price_quantity/update`: 20 advised (513 timeouts above), 50 hard (4171). */
  priceQuantityDefault: 20,
  priceQuantityMax: 50,
  /** Orders/packages per fulfillment call. */
  fulfillmentMax: 20,
  /** `sku_seller_list` entries per `/products/get`. */
  productsSkuListMax: 100,
  /** Images per `/images/migrate` and per `Image` array. */
  imagesMax: 8,
  /** AliExpress batch price/inventory: products per call and SKUs per product. */
  aliexpressProductsMax: 20,
  aliexpressSkusPerProductMax: 200,
  /** SKUs per `/product/remove`, products per AliExpress offline call. */
  removeMax: 50,
});

export interface AdapterOptions {
  /** SKUs per price/quantity call (default 20, at most 50). */
  priceQuantityBatchSize?: number;
  /** Price/quantity calls in flight at once (the rate limiter paces them). */
  batchConcurrency?: number;
  /** `json` (default, accepted since 2022) or `xml` for product payloads. */
  payloadFormat?: PayloadFormat;
  /** Override the site's fulfillment flavour. */
  fulfillment?: Site['fulfillment'];
  /** Create attempts when the platform does not answer and reconciliation finds nothing (default 3). */
  createAttempts?: number;
}

export interface AdapterContext {
  site: Site;
  client: OpenPlatformClient;
  session: SellerSession | undefined;
  options: Required<Omit<AdapterOptions, 'fulfillment'>> & { fulfillment: Site['fulfillment'] };
}

/** Fills option defaults and checks the batch size against the hard limit. */
export function adapterContext(
  site: Site,
  client: OpenPlatformClient,
  session: SellerSession | undefined,
  options: AdapterOptions = {},
): AdapterContext {
  const size = options.priceQuantityBatchSize ?? BATCH_LIMITS.priceQuantityDefault;
  if (!Number.isInteger(size) || size < 1 || size > BATCH_LIMITS.priceQuantityMax) {
    throw new AppError(
      'config',
      `price/quantity batch size must be 1..${BATCH_LIMITS.priceQuantityMax}, got ${size}`,
    );
  }
  return {
    site,
    client,
    session,
    options: {
      priceQuantityBatchSize: size,
      batchConcurrency: Math.max(1, options.batchConcurrency ?? 4),
      payloadFormat: options.payloadFormat ?? 'json',
      createAttempts: Math.max(1, options.createAttempts ?? 3),
      fulfillment: options.fulfillment ?? site.fulfillment,
    },
  };
}

/** Splits into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Items grouped by a key, groups in first-seen order (Map.groupBy needs Node 21). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Runs `work` over the chunks with at most `concurrency` in flight, keeping input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Money from a body value ("35.00", 35, "1,500.00"); undefined when absent or not an amount. */
export function moneyFrom(value: unknown, currency: string): Money | undefined {
  const text = typeof value === 'number' ? String(value) : stringValue(value);
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return parseMoney(currency, text);
  } catch {
    return undefined;
  }
}

/**
 * The decimal text a platform wants for a price, after checking it is in the site's currency.
 * Trailing fraction zeros are dropped ("35.00" → "35", "35.50" → "35.5"): platforms check the
 * decimals written (4104), and IDR/VND/PKR prices carry none even though ISO gives IDR two.
 */
export function priceText(m: Money, site: Site): string {
  if (m.currency !== site.currency) {
    throw new AppError('invalid_input', `${site.id} prices are in ${site.currency}, got ${m.currency}`, {
      details: { site: site.id, expected: site.currency, got: m.currency },
    });
  }
  if (m.minor <= 0)
    throw new AppError('invalid_input', `price must be > 0 (Lazada error 4118)`, {
      details: { site: site.id },
    });
  const text = toDecimalString(m);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** JSON array text for list parameters (`order_item_ids=[1,2]`), ids kept as written. */
export function jsonIdList(ids: readonly string[]): string {
  return `[${ids.map((id) => (/^\d+$/.test(id) ? id : JSON.stringify(id))).join(',')}]`;
}

const ID_MARK = '\u0000';

/**
 * JSON text in which all-digit ids are bare numbers, as the fulfillment docs show them
 * (`{"order_id":123,"order_item_list":[456]}`), without passing them through a double (no
 * precision loss for 16+ digit ids). Wrap ids with `numericId()` inside the value.
 */
export function jsonWithIds(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000(\d+)\\u0000"/g, '$1');
}

/** Marks an id for `jsonWithIds`: digits become a bare JSON number, anything else stays a string. */
export function numericId(id: string): string {
  return /^\d{1,30}$/.test(id) ? `${ID_MARK}${id}${ID_MARK}` : id;
}
