import { issue, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * Image rules. Lazop: at least one image (4139), ≤ 8 per `Image` array (4169), no duplicate main
 * image (4116), SKU images on all SKUs or none (4153), platform-hosted URLs only (4138: migrate
 * first). AliExpress: 1–6 main images (13010), well-formed http(s) URLs (13013); hosting and
 * duplicates are warnings there (AliExpress's photo bank is not reachable from this client).
 */

const LAZOP_MAX = 8;
const AE_MAX = 6;
const URL_SHAPE = /^https?:\/\/[^\s/]+\/\S+$/;

/** Platform-hosted: Lazada's CDNs (what /image/migrate returns) and AliExpress's. */
export function defaultIsHostedImage(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return (
      host.endsWith('.slatic.net') ||
      host.endsWith('.lazcdn.com') ||
      host === 'alicdn.com' ||
      host.endsWith('.alicdn.com')
    );
  } catch {
    return false;
  }
}

function duplicates(urls: readonly string[]): string[] {
  return urls.filter((u, i) => urls.indexOf(u) !== i);
}

function lazopImages(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const main = ctx.product.images;
  const skus = ctx.product.skus;
  if (main.length > LAZOP_MAX)
    out.push(
      issue(
        'images-too-many',
        'Images',
        `${main.length} main images; at most ${LAZOP_MAX}: drop ${main.length - LAZOP_MAX}.`,
        {
          code: '4169',
        },
      ),
    );
  const dup = duplicates(main);
  if (dup.length > 0)
    out.push(
      issue('images-duplicate', 'Images', `The main image list repeats ${dup[0]}: keep each image once.`, {
        code: '4116',
      }),
    );
  for (const s of skus) {
    const n = s.images?.length ?? 0;
    if (n > LAZOP_MAX)
      out.push(
        issue('images-too-many', 'Images', `SKU ${s.sellerSku} has ${n} images; at most ${LAZOP_MAX}.`, {
          code: '4169',
          sellerSku: s.sellerSku,
        }),
      );
  }
  const withImages = skus.filter((s) => (s.images?.length ?? 0) > 0);
  if (withImages.length > 0 && withImages.length < skus.length) {
    const bare = skus.find((s) => (s.images?.length ?? 0) === 0);
    out.push(
      issue(
        'sku-images-partial',
        'Images',
        `Some SKUs have images and ${bare?.sellerSku ?? 'others'} has none: give every SKU images or none.`,
        {
          code: '4153',
          sellerSku: bare?.sellerSku,
        },
      ),
    );
  }
  const all = [...main, ...skus.flatMap((s) => s.images ?? [])];
  if (all.length === 0)
    out.push(
      issue('images-missing', 'Images', 'The product has no image: add at least one.', { code: '4139' }),
    );
  const outer = all.filter((u) => !ctx.isHosted(u));
  if (outer.length > 0)
    out.push(
      issue(
        'images-not-hosted',
        'Images',
        `${outer.length} image(s) are not platform-hosted, e.g. ${outer[0]}: migrate them with migrateImages first.`,
        {
          code: '4138',
        },
      ),
    );
  return out;
}

function aeImages(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const main = ctx.product.images;
  if (main.length === 0)
    out.push(
      issue('images-missing', 'main_image_urls_list', 'The product has no main image: add 1 to 6.', {
        code: '13010',
      }),
    );
  if (main.length > AE_MAX)
    out.push(
      issue(
        'images-too-many',
        'main_image_urls_list',
        `${main.length} main images; AliExpress takes 1 to ${AE_MAX}: drop ${main.length - AE_MAX}.`,
        {
          code: '13010',
        },
      ),
    );
  const bad = main.find((u) => !URL_SHAPE.test(u));
  if (bad !== undefined)
    out.push(
      issue('images-url', 'main_image_urls_list', `"${bad}" is not an http(s) image URL.`, { code: '13013' }),
    );
  const dup = duplicates(main);
  if (dup.length > 0)
    out.push(
      issue('images-duplicate', 'main_image_urls_list', `The main image list repeats ${dup[0]}.`, {
        severity: 'warning',
      }),
    );
  const outer = main.filter((u) => URL_SHAPE.test(u) && !ctx.isHosted(u));
  if (outer.length > 0)
    out.push(
      issue(
        'images-not-hosted',
        'main_image_urls_list',
        `${outer.length} image(s) are not on a platform CDN, e.g. ${outer[0]}: AliExpress may refuse or re-fetch them.`,
        {
          severity: 'warning',
        },
      ),
    );
  return out;
}

export function imageRules(ctx: RuleContext): PreflightIssue[] {
  return ctx.ae ? aeImages(ctx) : lazopImages(ctx);
}
