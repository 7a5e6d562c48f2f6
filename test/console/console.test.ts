// The console end to end: Debian's Chromium (playwright-core) against `kbridge serve`'s HTTP server
// and the marketplace sandbox over loopback. A seller and the operator sign in, publish, see an
// order arrive, pack it and print the label, approve a translation; another seller cannot reach
// any of it. Each test saves a screenshot under test-output/console/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localizeProductImages } from '../../src/localization/index.ts';
import { ordersRuntime } from '../../src/orders/index.ts';
import { specTableImage } from '../helpers/spec-table-image.ts';
import { startConsoleHarness, type ConsoleHarness } from '../helpers/console-harness.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, signInWithKey } from '../helpers/browser.ts';
import { seedTranslations } from '../helpers/translation-seed.ts';

const SITE = 'lazada-sg';
let h: ConsoleHarness;
let browser: Browser;
const contexts: BrowserContext[] = [];
let orderId: string;
let imageHost: Server | undefined;

before(async () => {
  h = await startConsoleHarness({ products: 4, seed: 'console-e2e', sites: { A: [SITE], B: [SITE] } });
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: `${h.server.url}/hooks/marketplace` });
  ordersRuntime(h.app).startProcessing();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await h?.close();
  if (imageHost) await new Promise<void>((r) => imageHost!.close(() => r()));
});

/**
 * A fresh browser profile, its console language chosen (none: the default for the role);
 * anything but the loopback servers is refused (no test reaches out).
 */
async function newPage(viewport = DESKTOP, lang: 'en' | 'ko' | null = 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  if (lang) await context.addInitScript(`localStorage.setItem('kbridge.lang', '${lang}')`);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
  });
  return context.newPage();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a seller signs in (Korean by default), a bad key is refused with a reason', async () => {
  const page = await newPage(DESKTOP, null);
  await page.goto(h.server.url);
  await page.getByLabel(/API key|API 키/).fill('kb_not_a_real_key');
  await page.getByRole('button', { name: /Sign in|로그인/ }).click();
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /not accepted|로그인할 수 없습니다/);

  await signInWithKey(page, h.server.url, h.keys.A);
  assert.equal(await page.getByTestId('who').innerText(), `판매자 ${h.sellers.A}`);
  await page.getByRole('heading', { name: '수출 GMV' }).waitFor();
  // The language choice is remembered across visits.
  await page.getByLabel('언어').first().selectOption('en');
  await page.reload();
  await page.getByRole('heading', { name: 'Export GMV' }).waitFor();
  await screenshot(page, '01-seller-dashboard');
});

test('the seller publishes from the catalog grid and sees every product on the site', async () => {
  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.A);
  await page.goto(`${h.server.url}/#/catalog`);
  const grid = page.getByTestId('catalog-grid');
  await grid.waitFor();
  const rows = grid.locator('tbody tr');
  assert.equal(await rows.count(), 4 / 2);
  await page.getByRole('checkbox', { name: 'All' }).check();
  await page.getByRole('button', { name: 'Publish' }).click();
  const result = page.getByTestId('bulk-result');
  await result.waitFor({ timeout: 60_000 });
  assert.match(await result.innerText(), /Publish: \d+ done/);
  // The sandbox's QC decides after its delay; the grid shows where each listing stands.
  await until('a listing waiting for QC', async () => {
    await page.reload();
    await grid.waitFor();
    const n = await grid.locator('[data-value="pending_qc"], [data-value="live"]').count();
    return n > 0 ? n : undefined;
  });
  await screenshot(page, '02-catalog-published');
});

test('an order arrives; the seller packs it and prints the label', async () => {
  // QC approves once its delay has passed in sandbox time; the buyer then orders a live SKU.
  h.sb.admin.advanceTime(3_600_001);
  const sku = await until('a live product in the sandbox', async () => {
    h.sb.admin.tick();
    const live = h.sb.admin.products(SITE, { status: 'Active' }) as { skus?: { SellerSku?: string }[] }[];
    return live[0]?.skus?.[0]?.SellerSku;
  });
  h.sb.admin.placeOrders({
    site: SITE,
    account: `${h.sellers.A.toLowerCase()}@sandbox.test`,
    lines: [{ sellerSku: sku }],
  });
  await h.sb.admin.flushPushes();
  orderId = await until('the order ingested', async () => {
    const [o] = await h.app.store.query<{ id: string }>(`SELECT id FROM orders WHERE seller_id = $1`, [
      h.sellers.A,
    ]);
    return o?.id;
  });

  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.A);
  await page.goto(`${h.server.url}/#/orders`);
  const todo = page.getByTestId('todo');
  await todo.waitFor();
  assert.match(await todo.innerText(), /pack/);
  await todo.getByRole('link').first().click();
  await page.getByRole('button', { name: /^Pack/ }).click();
  const pkg = page.getByTestId('package');
  await pkg.waitFor();
  await pkg.getByRole('button', { name: 'Print label' }).click();
  const link = page.locator('[data-doc="label"]');
  await link.waitFor();
  const href = await link.getAttribute('href');
  const head = await page.evaluate(async (url) => {
    const bytes = await (await fetch(url!)).arrayBuffer();
    return new TextDecoder().decode(bytes.slice(0, 5));
  }, href);
  assert.equal(head, '%PDF-');
  await page.getByTestId('timeline').waitFor();
  assert.match(await page.getByTestId('timeline').innerText(), /pack/i);
  await screenshot(page, '03-order-packed-label');
});

test("the product page: Korean source beside the site's content, price waterfall, images with their line report, sync log", async () => {
  // The seller's image host on loopback: a spec table the image pipeline reads and localizes.
  const png = specTableImage();
  imageHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
  await new Promise<void>((r) => imageHost!.listen(0, '127.0.0.1', r));
  const port = (imageHost.address() as AddressInfo).port;
  const [product] = await h.app.store.query<{ id: string }>(
    `SELECT p.id FROM products p JOIN listings l ON l.product_id = p.id WHERE p.seller_id = $1 ORDER BY p.id LIMIT 1`,
    [h.sellers.A],
  );
  const imageUrl = `http://127.0.0.1:${port}/spec.png`;
  await h.app.store.query('UPDATE products SET images = $1 WHERE id = $2', [
    JSON.stringify([imageUrl]),
    product!.id,
  ]);
  await localizeProductImages(
    h.app,
    { productId: product!.id, locales: ['en-SG'], sellerId: h.sellers.A },
    { testOnlyAllow: { addresses: ['127.0.0.1'], ports: [port] } },
  );

  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.A);
  await page.goto(`${h.server.url}/#/catalog/${product!.id}`);
  await page.getByTestId('localized').waitFor();
  assert.match(await page.getByTestId('localized').innerText(), /Localized for lazada-sg/);
  const waterfall = page.getByTestId('waterfall');
  await waterfall.waitFor();
  assert.match(await waterfall.innerText(), /SGD|S\$/);
  const lines = page.getByTestId('image-lines');
  await lines.waitFor({ timeout: 30_000 });
  assert.ok((await lines.locator('tbody tr').count()) > 0, 'the per-line report lists the lines read');
  await page.getByRole('img', { name: 'en-SG' }).waitFor();
  assert.match(await page.getByTestId('sync-log').innerText(), /publish|pending_qc/);
  await screenshot(page, '04-product-page');
});

test("the operator's dashboard matches the database to the won", async () => {
  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.operator);
  assert.equal(await page.getByTestId('who').innerText(), 'Operator');
  const total = page.getByTestId('gmv-total');
  await total.waitFor();
  const [db] = await h.app.store.query<{ gmv: string; orders: number }>(
    `SELECT coalesce(sum(item_price_krw * quantity), 0)::text AS gmv, count(DISTINCT order_id)::int AS orders
     FROM order_lines WHERE status <> 'canceled'`,
  );
  await until('the dashboard showing the order', async () =>
    (await total.getAttribute('data-value')) === db!.gmv ? true : undefined,
  );
  assert.equal(await page.getByTestId('orders-total').getAttribute('data-value'), String(db!.orders));
  assert.equal(
    await page
      .getByTestId('by-seller')
      .locator(`tr[data-key="${h.sellers.A}"] td[data-value]`)
      .getAttribute('data-value'),
    db!.gmv,
  );
  await screenshot(page, '05-operator-dashboard');
});

test('the operator approves a translation and it goes into the memory', async () => {
  const { reviewId } = await seedTranslations(h.app, h.sellers.A);
  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.operator);
  await page.goto(`${h.server.url}/#/translations`);
  const card = page.getByTestId('review-item').filter({ hasText: '뷁뷁 토너' });
  await card.waitFor();
  await card.getByRole('textbox').fill('Bwelk toner');
  await card.getByRole('button', { name: 'Approve' }).click();
  await card.getByRole('status').waitFor();
  const [row] = await h.app.store.query<{ status: string }>(
    `SELECT status FROM translation_review_items WHERE id = $1`,
    [reviewId],
  );
  assert.equal(row?.status, 'approved');
  const memory = await h.app.store.query(
    `SELECT 1 FROM translation_memory WHERE target_text = 'Bwelk toner'`,
  );
  assert.equal(memory.length, 1);
  await screenshot(page, '06-translation-approved');
});

test("a seller cannot reach another seller's pages or data", async () => {
  const page = await newPage(DESKTOP, 'ko');
  await signInWithKey(page, h.server.url, h.keys.B);
  await page.goto(`${h.server.url}/#/orders/${orderId}`);
  await page.getByRole('alert').first().waitFor();
  assert.match(await page.getByRole('alert').first().innerText(), /찾을 수 없거나|Not found/);
  const [product] = await h.app.store.query<{ id: string }>(
    `SELECT id FROM products WHERE seller_id = $1 LIMIT 1`,
    [h.sellers.A],
  );
  await page.goto(`${h.server.url}/#/catalog/${product!.id}`);
  await page.getByRole('alert').first().waitFor();
  await page.goto(`${h.server.url}/#/catalog`);
  await page.getByTestId('catalog-grid').waitFor();
  const shown = await page
    .locator('[data-product]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product')));
  const mine = await h.app.store.query<{ id: string }>(`SELECT id FROM products WHERE seller_id = $1`, [
    h.sellers.B,
  ]);
  assert.deepEqual(shown.sort(), mine.map((p) => p.id).sort());
  await page.goto(`${h.server.url}/#/orders`);
  await page.getByRole('tab', { name: /전체 주문|All orders/ }).click();
  await page.getByText(/아직 항목이 없습니다|Nothing here yet/).waitFor();
  await screenshot(page, '07-other-seller-isolated');
});

test('the operator sees job queues, marketplace connections with token expiry, and the sandbox', async () => {
  const page = await newPage();
  await signInWithKey(page, h.server.url, h.keys.operator);
  await page.goto(`${h.server.url}/#/operations`);
  const connections = page.getByTestId('connections');
  await connections.locator('tbody tr').first().waitFor();
  // Both sellers are connected on the site, with live tokens.
  assert.equal(await connections.locator('tbody tr').count(), 2);
  assert.match(await connections.innerText(), /ok/);
  await page.getByTestId('jobs').locator('h2').waitFor();
  const sandbox = page.getByTestId('sandbox');
  await sandbox.getByText(h.sb.url).waitFor();
  await screenshot(page, '08-operator-operations');
});

test('the console works on a phone-sized screen', async () => {
  const page = await newPage(PHONE, 'ko');
  await signInWithKey(page, h.server.url, h.keys.A);
  await page.getByRole('button', { name: /Menu|메뉴/ }).click();
  await page.getByRole('link', { name: /Orders|주문/ }).click();
  await page.getByRole('heading', { name: /Orders|주문/ }).waitFor();
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, '09-phone-orders');
});
