// The order pipeline wired to the real sandbox over loopback HTTP, for tests and the orders
// benchmark: a push receiver on a free port, a seller authorized on each site with channels
// registered, live products for the seller's SKUs, and the processor.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../../src/db/index.ts';
import {
  InMemoryTokenStore,
  type MarketplaceAdapter,
  type MarketplaceConnection,
} from '../../src/marketplaces/index.ts';
import {
  ChannelDirectory,
  InboxWriter,
  OrderFx,
  OrderIngestor,
  PushReceiver,
  connectGateway,
  type ApplySummary,
  type OrderChannel,
} from '../../src/orders/index.ts';
import { connectSandboxSeller } from '../../src/main/sandbox-channels.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.ts';
import { systemClock, type Clock } from '../../src/shared/index.ts';

export interface OrdersHarness {
  sb: Sandbox;
  receiver: PushReceiver;
  inbox: InboxWriter;
  ingestor: OrderIngestor;
  gateway: ReturnType<typeof connectGateway>;
  channels: Map<string, OrderChannel>;
  adapters: Map<string, MarketplaceAdapter>;
  receiverUrl: string;
  /** Counts of what the receiver answered. */
  received: { new: number; duplicate: number; rejected: number };
  close(): Promise<void>;
}

const CATEGORY_ATTRS_SKIP = new Set([
  'name',
  'description',
  'short_description',
  'brand',
  'brand_id',
  'SellerSku',
  'price',
  'quantity',
  'special_price',
  'package_weight',
  'package_length',
  'package_width',
  'package_height',
]);

function firstLeaf(nodes: { id: string; leaf: boolean; children: unknown[] }[]): string | undefined {
  for (const n of nodes) {
    if (n.leaf) return n.id;
    const hit = firstLeaf(n.children as typeof nodes);
    if (hit) return hit;
  }
  return undefined;
}

/** Publishes one live product per SKU on the adapter's site (QC approved at once). */
export async function publishSkus(
  sb: Sandbox,
  a: MarketplaceAdapter,
  skus: readonly string[],
  quantity: number,
): Promise<void> {
  let nodes = await a.categoryTree();
  let leaf = firstLeaf(nodes);
  // AliExpress lists one level at a time: walk down the first branch.
  for (let depth = 0; depth < 8 && !leaf && nodes[0]; depth++) {
    nodes = await a.categoryTree({ parentId: nodes[0].id });
    leaf = nodes.find((n) => n.leaf)?.id;
  }
  if (!leaf) throw new Error('no leaf category');
  const attrs = await a.categoryAttributes(leaf);
  const brands = await a.brands({ limit: 5, categoryId: leaf });
  // AliExpress takes photo-bank URLs; the Lazop sites want migrated ones.
  const [image] =
    a.site.platform === 'aliexpress'
      ? [{ url: 'https://ae01.alicdn.com/kf/serum.jpg' }]
      : (await a.migrateImages(['https://images.example.com/serum.jpg'])).images;
  const priceMinor = { JPY: 1, IDR: 1, VND: 1 }[a.site.currency] ? 250_000 : 2_500;
  for (const sellerSku of skus) {
    const attributes: Record<string, string> = {
      name: `Serum ${sellerSku}`,
      description: '<p>serum</p>',
      short_description: '<ul><li>serum</li></ul>',
      brand_id: brands.brands[0]?.id ?? '',
      brand_name: brands.brands[0]?.name ?? 'kbridge',
    };
    const saleProps: Record<string, string> = {};
    const skuAttrs: Record<string, string> = {};
    for (const attr of attrs.filter((x) => x.mandatory && !CATEGORY_ATTRS_SKIP.has(x.name))) {
      const v =
        attr.options[0]?.enName ?? attr.options[0]?.name ?? (attr.inputType === 'numeric' ? '1' : 'sample');
      if (attr.level === 'sku') (attr.saleProp ? saleProps : skuAttrs)[attr.name] = v;
      else attributes[attr.name] ??= v;
    }
    const created = await a.createProduct({
      categoryId: leaf,
      attributes,
      images: image ? [image.url] : [],
      skus: [
        {
          sellerSku,
          price: { currency: a.site.currency, minor: priceMinor * 100 },
          quantity,
          packageWeightKg: '0.4',
          packageLengthCm: 15,
          packageWidthCm: 10,
          packageHeightCm: 8,
          saleProps,
          attributes: skuAttrs,
        },
      ],
    });
    sb.admin.decideQc(a.site.id, Number(created.itemId), true);
  }
}

/** The seller grants the app access on the sandbox's authorize page (as its default seller); the channel is registered. */
export function authorizeChannel(
  store: Store,
  conn: MarketplaceConnection,
  siteId: string,
  sellerId: string,
): Promise<OrderChannel> {
  return connectSandboxSeller(store, conn, { site: siteId, sellerId, defaultAccount: true });
}

export async function startOrdersHarness(options: {
  store: Store;
  sellerId: string;
  sites: readonly string[];
  skus: readonly string[];
  stockPerSite: number;
  sandbox?: SandboxOptions;
  clock?: Clock;
  batchSize?: number;
  fx?: OrderFx;
  onApplied?: (s: ApplySummary, at: Date) => void;
}): Promise<OrdersHarness> {
  const clock = options.clock ?? systemClock;
  const received = { new: 0, duplicate: 0, rejected: 0 };
  // Filled in below; the HTTP server and the receiver need each other.
  const late: { receiver?: PushReceiver; ingestor?: OrderIngestor } = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void late.receiver!.receive(Buffer.concat(chunks), req.headers.authorization).then((r) => {
        if (r.status === 200) received[r.outcome] += 1;
        else received.rejected += 1;
        res.writeHead(r.status).end();
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/marketplace`;
  const sb = await startSandbox({
    port: 0,
    pushUrl: receiverUrl,
    qcDelayMs: 3_600_000,
    paymentDelayMs: 0,
    ...options.sandbox,
  });
  const apps = [{ appKey: sb.appKey, appSecret: sb.appSecret }];
  const gateway = connectGateway({
    apps,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    sandboxOrigin: sb.url,
    sleep: async () => {},
    now: () => sb.admin.now(),
  });
  const inbox = new InboxWriter(options.store);
  const receiver = new PushReceiver({ apps, inbox, onAccepted: () => late.ingestor?.wake() });
  late.receiver = receiver;
  const channels = new Map<string, OrderChannel>();
  const adapters = new Map<string, MarketplaceAdapter>();
  for (const siteId of options.sites) {
    const channel = await authorizeChannel(
      options.store,
      gateway.connection(siteId),
      siteId,
      options.sellerId,
    );
    channels.set(siteId, channel);
    const adapter = gateway.adapter(channel);
    adapters.set(siteId, adapter);
    await publishSkus(sb, adapter, options.skus, options.stockPerSite);
  }
  const ingestor = new OrderIngestor({
    store: options.store,
    gateway,
    channels: new ChannelDirectory(options.store),
    fx: options.fx ?? new OrderFx(undefined),
    clock,
    batchSize: options.batchSize,
    onApplied: options.onApplied,
  });
  late.ingestor = ingestor;
  return {
    sb,
    receiver,
    inbox,
    ingestor,
    gateway,
    channels,
    adapters,
    receiverUrl,
    received,
    async close() {
      await ingestor.stop();
      await sb.close();
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}
