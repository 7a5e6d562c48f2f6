import {
  buildDeclaration,
  hsDescription,
  renderCommercialInvoice,
  renderCustomsDeclaration,
  shippingOptions,
  type CustomsDeclaration,
  type CustomsParty,
  type ShippingOption,
} from '../logistics/index.ts';
import { convert, defaultFxSnapshot } from '../pricing/index.ts';
import { AppError, err, money, ok, type Result, type Scope } from '../shared/index.ts';
import { packagesInScope } from './fulfilment.ts';
import type { OrderDeps } from './order-deps.ts';

/**
 * Customs papers for one package: what is in it (order lines, with HS code, origin and weight
 * from the catalog), who sends it (the seller) and who receives it (the buyer), valued in USD at
 * the order's own FX snapshot, shipped by the chosen logistics option. The English description
 * comes from `describe` (the localization capability's English title, when available), else the
 * listing's name when it is in Latin letters, else the HS heading's text.
 */
export type Describe = (item: {
  sellerId: string;
  variantId: string | null;
  sellerSku: string | null;
  titleKo: string | null;
  listingName: string | null;
  hsCode: string | null;
}) => Promise<DescribedGoods | undefined> | DescribedGoods | undefined;

/** The localized English title, or null with why (`needs-translation`, `needs-review`, `no-title`). */
export interface DescribedGoods {
  text: string | null;
  status: string;
}

/** Where each item's description on the papers came from, and the English title's status. */
export interface DescriptionSource {
  sellerSku: string | null;
  description: string;
  source: 'english-title' | 'listing-name' | 'hs-heading' | 'korean-title' | 'sku';
  /** The localized English title's status; `not-asked` when no describer was wired. */
  englishTitle: string;
}

export interface PackageParcel {
  packageId: string;
  sellerId: string;
  country: string;
  site: string;
  weightG: number;
  dims?: { lengthMm: number; widthMm: number; heightMm: number } | undefined;
  items: {
    lineIds: string[];
    variantId: string | null;
    sellerSku: string | null;
    listingName: string | null;
    titleKo: string | null;
    hsCode: string | null;
    origin: string;
    quantity: number;
    unitWeightG: number;
    paidMinor: number;
    currency: string;
  }[];
  fxSnapshotId: string;
  orderRef: string;
  addressee: CustomsParty;
  sender: CustomsParty;
  trackingNumber: string | null;
  serviceCode: string | null;
}

function pickDescription(
  i: { listingName: string | null; hsCode: string | null; titleKo: string | null; sellerSku: string | null },
  english: string | null | undefined,
): [DescriptionSource['source'], string] {
  if (english && isLatin(english)) return ['english-title', english];
  if (isLatin(i.listingName)) return ['listing-name', i.listingName!];
  const hs = hsDescription(i.hsCode);
  if (hs) return ['hs-heading', hs];
  if (i.titleKo) return ['korean-title', i.titleKo];
  return ['sku', i.sellerSku ?? 'Goods'];
}

/** A product imported without a weight ships as a 500 g parcel until the seller fills it in. */
const DEFAULT_UNIT_WEIGHT_G = 500;
const isLatin = (s: string | null | undefined) => !!s && /^[\x20-\x7e\xa0-\xff]+$/.test(s);

/** What the package holds and where it goes, from the store. */
export async function packageParcel(
  deps: Pick<OrderDeps, 'store'>,
  scope: Scope,
  packageId: string,
): Promise<PackageParcel> {
  const [pkg] = await packagesInScope(deps.store, scope, [packageId]);
  if (!pkg) throw new AppError('not_found', `package ${packageId} not found`);
  const [o] = await deps.store.query<Record<string, unknown>>(
    `SELECT o.*, s.name AS seller_name, s.biz_no, s.contact_name, s.contact_phone, s.contact_email
     FROM orders o JOIN sellers s ON s.id = o.seller_id WHERE o.id = $1`,
    [pkg.orderId],
  );
  if (!o) throw new AppError('not_found', `order of package ${packageId} not found`);
  const rows = await deps.store.query<Record<string, unknown>>(
    `SELECT l.id, l.variant_id, l.seller_sku, l.name, l.quantity, l.paid_price_minor, l.currency,
       p.title_ko, p.hs_code, p.origin, p.weight_g, p.length_mm, p.width_mm, p.height_mm
     FROM order_lines l LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id
     WHERE l.package_id = $1 AND l.status <> 'canceled' ORDER BY l.seller_sku, l.id`,
    [pkg.id],
  );
  const items = new Map<string, PackageParcel['items'][number]>();
  let dims: PackageParcel['dims'];
  for (const r of rows) {
    const key = `${String(r.variant_id ?? r.seller_sku)}`;
    let it = items.get(key);
    if (!it) {
      it = {
        lineIds: [],
        variantId: (r.variant_id as string | null) ?? null,
        sellerSku: (r.seller_sku as string | null) ?? null,
        listingName: (r.name as string | null) ?? null,
        titleKo: (r.title_ko as string | null) ?? null,
        hsCode: (r.hs_code as string | null) ?? null,
        // Catalog origins are free text (원산지: 한국, 대한민국, KR); goods made elsewhere must say so.
        origin: /^(kr|korea|한국|대한민국|국산)/i.test(String(r.origin ?? 'KR'))
          ? 'KR'
          : String(r.origin).slice(0, 2).toUpperCase(),
        quantity: 0,
        unitWeightG: Number(r.weight_g ?? DEFAULT_UNIT_WEIGHT_G),
        paidMinor: 0,
        currency: String(r.currency),
      };
      items.set(key, it);
    }
    it.lineIds.push(String(r.id));
    it.quantity += Number(r.quantity);
    it.paidMinor += Number(r.paid_price_minor);
    if (!dims && r.length_mm && r.width_mm && r.height_mm) {
      dims = { lengthMm: Number(r.length_mm), widthMm: Number(r.width_mm), heightMm: Number(r.height_mm) };
    }
  }
  const list = [...items.values()];
  const addr = (o.shipping_address as Record<string, string> | null) ?? {};
  const country = String(o.buyer_country ?? addr.country ?? '');
  return {
    packageId: pkg.id,
    sellerId: pkg.sellerId,
    country,
    site: pkg.site,
    weightG: list.reduce((n, i) => n + i.unitWeightG * i.quantity, 0),
    // One item: its own box. Several: no box size known, weight decides.
    dims: list.length === 1 && list[0]!.quantity === 1 ? dims : undefined,
    items: list,
    fxSnapshotId: String(o.fx_snapshot_id),
    orderRef: String(o.order_number ?? o.external_order_id),
    addressee: {
      name: String(o.buyer_name ?? `${addr.first_name ?? ''} ${addr.last_name ?? ''}`).trim(),
      addressLines: [
        addr.address1,
        addr.address2,
        [addr.city ?? addr.address4, addr.address3].filter(Boolean).join(', '),
        addr.post_code ?? addr.address5,
      ].filter((x): x is string => !!x && x.trim() !== ''),
      country,
      phone: addr.phone,
    },
    sender: {
      name: isLatin(String(o.seller_name))
        ? String(o.seller_name)
        : `Korean seller (business no. ${String(o.biz_no)})`,
      addressLines: ['Republic of Korea'],
      country: 'KR',
      phone: (o.contact_phone as string | null) ?? undefined,
      email: (o.contact_email as string | null) ?? undefined,
      taxId: String(o.biz_no),
    },
    trackingNumber: pkg.trackingNumber,
    serviceCode: pkg.serviceCode,
  };
}

/** The logistics options for a package (eligible first). */
export async function packageShippingOptions(
  deps: Pick<OrderDeps, 'store' | 'darazHubRateCard'>,
  scope: Scope,
  packageId: string,
): Promise<ShippingOption[]> {
  const p = await packageParcel(deps, scope, packageId);
  return shippingOptions(
    {
      country: p.country,
      site: p.site,
      weightG: p.weightG,
      dims: p.dims,
      items: p.items.map((i) => ({
        description: i.listingName ?? '',
        descriptionKo: i.titleKo ?? undefined,
        hsCode: i.hsCode,
        quantity: i.quantity,
      })),
    },
    undefined,
    { darazHubRateCard: deps.darazHubRateCard },
  );
}

export type PapersFailure =
  | { kind: 'no-eligible-service'; options: { code: string; reasons: string[] }[] }
  | { kind: 'not-eligible'; code: string; reasons: string[] };

/**
 * The CN22/CN23 declaration and commercial invoice for a package, as PDFs. `serviceCode` picks
 * the logistics option (default: the package's, else the cheapest eligible one) and is recorded
 * on the package.
 */
export async function customsPapers(
  deps: Pick<OrderDeps, 'store' | 'fx' | 'clock' | 'describe' | 'darazHubRateCard'>,
  scope: Scope,
  input: {
    packageId: string;
    serviceCode?: string;
    describe?: Describe;
    sender?: Partial<CustomsParty>;
    postage?: boolean;
  },
): Promise<
  Result<
    {
      declaration: CustomsDeclaration;
      declarationPdf: Buffer;
      invoicePdf: Buffer;
      option: ShippingOption;
      descriptions: DescriptionSource[];
    },
    PapersFailure
  >
> {
  const p = await packageParcel(deps, scope, input.packageId);
  const options = await packageShippingOptions(deps, scope, input.packageId);
  const wanted = input.serviceCode ?? p.serviceCode;
  const option = wanted ? options.find((o) => o.code === wanted) : options.find((o) => o.eligible);
  if (!option)
    return err({
      kind: 'no-eligible-service',
      options: options.map((o) => ({ code: o.code, reasons: o.reasons })),
    });
  if (!option.eligible) return err({ kind: 'not-eligible', code: option.code, reasons: option.reasons });
  const fx = (await deps.fx.byId(p.fxSnapshotId)) ?? defaultFxSnapshot();
  const items = [];
  const descriptions: DescriptionSource[] = [];
  const describe = input.describe ?? deps.describe;
  for (const i of p.items) {
    const english = describe ? await describe({ ...i, sellerId: p.sellerId }) : undefined;
    // An English title in letters the papers' fonts can print; else the next best, said so.
    const [source, described] = pickDescription(i, english?.text);
    descriptions.push({
      sellerSku: i.sellerSku,
      description: described,
      source,
      englishTitle: english ? english.status : 'not-asked',
    });
    items.push({
      description: described,
      hsCode: i.hsCode,
      originCountry: i.origin,
      quantity: i.quantity,
      netWeightG: i.unitWeightG * i.quantity,
      value: convert(money(i.currency, i.paidMinor), 'USD', fx).money,
    });
  }
  const declaration = buildDeclaration({
    serviceForm: option.customsForm,
    sender: { ...p.sender, ...input.sender },
    addressee: p.addressee,
    items,
    category: 'sale-of-goods',
    serviceName: `${option.carrier} ${option.name}`,
    trackingNumber: p.trackingNumber ?? undefined,
    invoiceNumber: `INV-${p.orderRef}-${p.packageId.slice(-6)}`,
    reference: p.orderRef,
    grossWeightG: p.weightG,
    postage: input.postage === false ? undefined : (option.price ?? undefined),
    // The marketplace's hub service collects import taxes at checkout (DDP); by post the buyer
    // pays them on arrival, except to the US, where Korea Post takes duty prepaid only.
    incoterm: option.kind === 'marketplace-hub' || p.country === 'US' ? 'DDP' : 'DAP',
    date: deps.clock.now(),
  });
  const [declarationPdf, invoicePdf] = await Promise.all([
    renderCustomsDeclaration(declaration),
    renderCommercialInvoice(declaration),
  ]);
  await deps.store.query(
    `UPDATE packages SET service_code = $2, weight_g = $3, updated_at = now() WHERE id = $1`,
    [p.packageId, option.code, p.weightG],
  );
  return ok({ declaration, declarationPdf, invoicePdf, option, descriptions });
}
