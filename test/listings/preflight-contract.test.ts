// Preflight against the real sandbox over loopback HTTP: for payloads each broken in one way (and
// one valid one), on lazada-sg and aliexpress-global, preflight blocks exactly those the sandbox
// (or the adapter, before sending) rejects. A few rules are stricter than the sandbox on purpose
// (policy limits the simulator does not model); those are listed apart and checked both ways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blocking, preflight, type PreflightInput } from '../../src/listings/preflight/index.ts';
import {
  InMemoryTokenStore,
  isMarketplaceError,
  type CategoryAttribute,
  type CategoryNode,
  type MarketplaceAdapter,
  type ProductInput,
} from '../../src/marketplaces/index.ts';
import { connectGateway, siteById } from '../../src/orders/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { CASES, STRICTER, type SiteSetup } from './preflight-cases.ts';

let sb: Sandbox;
const setups = new Map<string, SiteSetup>();
let seq = 0;

async function authorize(
  siteId: string,
  gateway: ReturnType<typeof connectGateway>,
): Promise<MarketplaceAdapter> {
  const site = siteById(siteId);
  const conn = gateway.connection(siteId);
  const tokenKey = `${site.platform}:preflight:${site.venture.toLowerCase()}`;
  const url = new URL(conn.tokens.authorizeUrl('https://kbridge.example/callback', 'x'));
  url.searchParams.set('country', site.venture.toLowerCase());
  const res = await fetch(url, { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code for ${siteId}: ${res.status}`);
  await conn.tokens.exchangeCode(tokenKey, code);
  return conn.adapter(tokenKey);
}

/** Leaves with their parents: Lazop trees come whole, AliExpress one level at a time. */
async function* leaves(
  a: MarketplaceAdapter,
  nodes: CategoryNode[],
  parent: string,
  depth = 0,
): AsyncGenerator<{ leaf: string; parent: string }> {
  for (const n of nodes) {
    if (n.leaf) {
      if (parent) yield { leaf: n.id, parent };
      continue;
    }
    if (depth > 6) continue;
    const children = n.children.length > 0 ? n.children : await a.categoryTree({ parentId: n.id });
    yield* leaves(a, children, n.id, depth + 1);
  }
}

/** A leaf with a mandatory select attribute beyond the basic ones (to break), and its parent. */
async function pickLeaf(
  a: MarketplaceAdapter,
): Promise<{ leaf: string; parent: string; attributes: CategoryAttribute[] }> {
  let tried = 0;
  // Beauty leaves carry a mandatory select attribute (country of origin) on Lazop.
  const roots = (await a.categoryTree()).sort(
    (x, y) => Number(/beauty/i.test(y.name)) - Number(/beauty/i.test(x.name)),
  );
  for await (const c of leaves(a, roots, '')) {
    const attributes = await a.categoryAttributes(c.leaf);
    const rich = attributes.some(
      (x) =>
        x.mandatory &&
        x.level === 'product' &&
        x.id !== '2' &&
        !['name', 'description', 'brand'].includes(x.name) &&
        x.inputType === 'singleSelect' &&
        x.options.length > 0,
    );
    if (rich) return { ...c, attributes };
    if (++tried > 60) break;
  }
  throw new Error(`no suitable leaf on ${a.site.id}`);
}

async function setUp(siteId: string, a: MarketplaceAdapter, images: string[]): Promise<SiteSetup> {
  const { leaf, parent, attributes } = await pickLeaf(a);
  const ae = a.site.platform === 'aliexpress';
  const brandId = ae
    ? attributes.find((x) => x.id === '2')?.options[0]?.id
    : (await a.brands({ limit: 5 })).brands[0]?.id;
  const minor = a.site.currency === 'USD' ? 2599 : 3550;
  const base = (): ProductInput => {
    const n = ++seq;
    const attrs: ProductInput['attributes'] = {
      name: 'Hydrating Cream 50ml',
      description: '<p>A light cream.</p>',
      short_description: '<ul><li>light</li></ul>',
      brand_id: brandId ?? '',
    };
    const saleProps: Record<string, string> = {};
    const skuAttrs: Record<string, string> = {};
    const skip = new Set(['name', 'description', 'brand', 'SellerSku', 'price', 'quantity']);
    for (const at of attributes.filter(
      (x) => x.mandatory && !skip.has(x.name) && !x.name.startsWith('package_'),
    )) {
      if (ae && at.id === '2') continue;
      const v = at.options[0]?.enName ?? at.options[0]?.name ?? 'Cotton';
      if (at.level === 'sku') (at.saleProp ? saleProps : skuAttrs)[at.name] = v;
      else attrs[at.name] = v;
    }
    return {
      categoryId: leaf,
      attributes: attrs,
      images: [images[0]!, images[1]!],
      skus: [
        {
          sellerSku: `PF-${siteId}-${n}-A`,
          price: { currency: a.site.currency, minor },
          quantity: 5,
          packageWeightKg: '0.4',
          packageLengthCm: 15,
          packageWidthCm: 10,
          packageHeightCm: 8,
          saleProps,
          attributes: skuAttrs,
        },
      ],
    };
  };
  return { adapter: a, leaf, parent, attributes, base };
}

before(async () => {
  sb = await startSandbox({ port: 0, qcDelayMs: 3_600_000, paymentDelayMs: 0 });
  const gateway = connectGateway({
    apps: [{ appKey: sb.appKey, appSecret: sb.appSecret }],
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    sandboxOrigin: sb.url,
    sleep: async () => {},
    now: () => sb.admin.now(),
  });
  const lazada = await authorize('lazada-sg', gateway);
  const ae = await authorize('aliexpress-global', gateway);
  const migrated = await lazada.migrateImages(
    Array.from({ length: 10 }, (_, k) => `https://images.example.com/cream-${k}.jpg`),
  );
  const images = migrated.images.map((i) => i.url);
  assert.equal(images.length, 10);
  setups.set('lazada-sg', await setUp('lazada-sg', lazada, images));
  setups.set('aliexpress-global', await setUp('aliexpress-global', ae, images));
});

after(async () => {
  await sb?.close();
});

function inputFor(siteId: string, s: SiteSetup, product: ProductInput): PreflightInput {
  return {
    site: s.adapter.site,
    category: { id: product.categoryId, leaf: product.categoryId === s.leaf },
    attributes: s.attributes,
    product,
    compliance: {
      titleKo: '수분 크림 50ml',
      titleEn: String(product.attributes.name ?? ''),
      sourceCategoryPath: '뷰티 > 스킨케어 > 크림',
      country: siteId === 'aliexpress-global' ? 'global' : 'SG',
      weightKg: 0.4,
    },
  };
}

/** Why the sandbox (or the adapter, before sending) refused the create; undefined when it took it. */
async function rejectedBySandbox(
  s: SiteSetup,
  product: ProductInput,
): Promise<{ message: string; code?: string } | undefined> {
  try {
    await s.adapter.createProduct(product);
    return undefined;
  } catch (e) {
    if (isMarketplaceError(e)) return { message: e.message, code: e.platformCode };
    return { message: e instanceof Error ? e.message : String(e) };
  }
}

for (const siteId of ['lazada-sg', 'aliexpress-global']) {
  test(`${siteId}: preflight blocks exactly the payloads the sandbox rejects`, async () => {
    const s = setups.get(siteId)!;
    const mismatches: string[] = [];
    let blockedCount = 0;
    for (const c of CASES.filter((x) => !x.sites || x.sites.includes(siteId))) {
      const product = s.base();
      c.edit(product, s);
      const issues = preflight(inputFor(siteId, s, product));
      const blocked = blocking(issues);
      const rejected = await rejectedBySandbox(s, product);
      if (blocked) blockedCount++;
      if (blocked !== (rejected !== undefined)) {
        const errs = issues.filter((i) => i.severity === 'error').map((i) => `${i.rule}: ${i.message}`);
        mismatches.push(
          `${c.name}: preflight ${blocked ? `blocks (${errs.join(' | ')})` : 'passes'}, sandbox ${rejected ? `rejects (${rejected.message})` : 'accepts'}`,
        );
      } else if (rejected?.code && !issues.some((i) => i.code === rejected.code)) {
        // Blocked for the platform's own reason: the issue names the code the sandbox answered.
        mismatches.push(
          `${c.name}: sandbox answered ${rejected.code}, preflight codes ${issues.map((i) => i.code).join(',')}`,
        );
      }
      if (c.name === 'valid') {
        assert.deepEqual(
          issues.filter((i) => i.severity === 'error'),
          [],
          'the valid payload passes preflight',
        );
        assert.equal(rejected, undefined, 'the valid payload is accepted by the sandbox');
      }
    }
    assert.deepEqual(mismatches, []);
    assert.ok(blockedCount >= 15, `only ${blockedCount} cases blocked`);
  });

  test(`${siteId}: stricter-than-sandbox rules block what the simulator would take`, async () => {
    const s = setups.get(siteId)!;
    for (const c of STRICTER.filter((x) => !x.sites || x.sites.includes(siteId))) {
      const product = s.base();
      c.edit(product, s);
      assert.ok(blocking(preflight(inputFor(siteId, s, product))), `${c.name}: preflight blocks`);
      assert.equal(
        await rejectedBySandbox(s, product),
        undefined,
        `${c.name}: the sandbox does not model it`,
      );
    }
  });
}
