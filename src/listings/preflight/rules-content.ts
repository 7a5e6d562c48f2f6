import { codeOf, issue, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * Content rules from the site policy (data/termbase/site-policy.json): the title is there and
 * within the bytes (4160) and characters limits, attribute values carry no forbidden character
 * (4129), and no prohibited word (4131) appears in the title (in descriptions: a warning).
 */

/** Lazop rich-text attributes: HTML, so `<` and `>` are allowed there. */
function isRichText(name: string): boolean {
  return /^(d_)?(short_)?description(_[a-z]{2})?$/.test(name);
}

function titleFields(ctx: RuleContext): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(ctx.product.attributes)) {
    if (k === 'name' || (!ctx.ae && /^name_[a-z]{2}$/.test(k))) out.push([k, String(v)]);
  }
  return out;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Latin words match on word edges ("promo" is not in "promotion"); other scripts inside words. */
export function findWord(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return words.find((w) =>
    /^[\p{Script=Latin}\d\s:.-]+$/u.test(w)
      ? new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}($|[^\\p{L}\\p{N}])`, 'u').test(lower)
      : lower.includes(w),
  );
}

function titleIssues(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const { maxBytes, maxChars } = ctx.policy.title;
  const titles = titleFields(ctx);
  if (!titles.some(([k, v]) => k === 'name' && v.trim() !== '')) {
    out.push(
      issue(
        'title-missing',
        'name',
        'The product has no title (attribute "name"): localize the title first.',
        {
          code: codeOf(ctx, '4108', '13001'),
        },
      ),
    );
  }
  for (const [field, value] of titles) {
    const bytes = Buffer.byteLength(value, 'utf8');
    const chars = [...value].length;
    if (maxBytes !== undefined && bytes > maxBytes) {
      out.push(
        issue(
          'title-bytes',
          field,
          `The title is ${bytes} bytes in UTF-8, over the ${maxBytes}-byte limit: shorten "${value.slice(0, 40)}…".`,
          {
            code: codeOf(ctx, '4160', undefined),
          },
        ),
      );
    } else if (maxChars !== undefined && chars > maxChars) {
      out.push(
        issue(
          'title-chars',
          field,
          `The title is ${chars} characters, over the ${maxChars}-character limit: shorten "${value.slice(0, 40)}…".`,
          {
            code: codeOf(ctx, '4160', '13002'),
          },
        ),
      );
    }
    if (/[\u3131-\u318e\uac00-\ud7a3]/.test(value)) {
      out.push(
        issue(
          'title-untranslated',
          field,
          `The title still contains Korean: "${value.slice(0, 40)}". Translate it.`,
          {
            severity: 'warning',
          },
        ),
      );
    }
  }
  return out;
}

function forbiddenIssues(ctx: RuleContext): PreflightIssue[] {
  const chars = [...ctx.policy.forbiddenCharacters];
  if (chars.length === 0) return [];
  const found = (v: string): string | undefined => chars.find((c) => v.includes(c));
  const out: PreflightIssue[] = [];
  const report = (field: string, value: string, sellerSku?: string): void => {
    const c = found(value);
    if (c === undefined) return;
    out.push(
      issue(
        'forbidden-characters',
        field,
        `"${value.slice(0, 40)}" contains "${c}"; ${ctx.policy.forbiddenCharacters} are not allowed in ${field}: remove them.`,
        {
          code: codeOf(ctx, '4129', undefined),
          sellerSku,
        },
      ),
    );
  };
  for (const [k, v] of Object.entries(ctx.product.attributes)) {
    if (!isRichText(k)) report(k, String(v));
  }
  if (!ctx.ae) {
    for (const sku of ctx.product.skus) {
      report('SellerSku', sku.sellerSku, sku.sellerSku);
      for (const [k, v] of Object.entries(sku.saleProps ?? {})) report(k, v, sku.sellerSku);
      for (const [k, v] of Object.entries(sku.attributes ?? {})) report(k, String(v), sku.sellerSku);
    }
  }
  return out;
}

function prohibitedIssues(ctx: RuleContext): PreflightIssue[] {
  const words = Object.values(ctx.policy.prohibitedWords).flat();
  if (words.length === 0) return [];
  const out: PreflightIssue[] = [];
  for (const [field, value] of titleFields(ctx)) {
    const w = findWord(value, words);
    if (w !== undefined)
      out.push(
        issue(
          'prohibited-word',
          field,
          `The title contains "${w}", prohibited on ${ctx.site.id} (promotional, contact or counterfeit term): remove it.`,
          {
            code: codeOf(ctx, '4131', undefined),
          },
        ),
      );
  }
  for (const [field, value] of Object.entries(ctx.product.attributes)) {
    if (!isRichText(field)) continue;
    const w = findWord(String(value), words);
    if (w !== undefined)
      out.push(
        issue(
          'prohibited-word',
          field,
          `${field} contains "${w}", prohibited on ${ctx.site.id}: the listing may be rejected in QC.`,
          {
            severity: 'warning',
          },
        ),
      );
  }
  return out;
}

export function contentRules(ctx: RuleContext): PreflightIssue[] {
  return [...titleIssues(ctx), ...forbiddenIssues(ctx), ...prohibitedIssues(ctx)];
}
