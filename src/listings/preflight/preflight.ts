import { sitePolicy } from '../../localization/text/index.ts';
import { attributeRules, categoryRules } from './rules-category.ts';
import { complianceRules } from './rules-compliance.ts';
import { contentRules } from './rules-content.ts';
import { defaultIsHostedImage, imageRules } from './rules-images.ts';
import { packageRules } from './rules-package.ts';
import { priceRules } from './rules-price.ts';
import { skuRules } from './rules-skus.ts';
import type { PreflightInput, PreflightIssue, Rule, RuleContext } from './types.ts';

const RULES: readonly Rule[] = [
  categoryRules,
  attributeRules,
  contentRules,
  imageRules,
  priceRules,
  packageRules,
  skuRules,
  complianceRules,
];

/**
 * Every rule a listing must pass before any call to the marketplace: the platform's own (what
 * its product API would reject, with the code it would answer) and destination compliance. Pure
 * and synchronous: the caller fetched the category, its attributes and the payload already.
 */
export function preflight(input: PreflightInput): PreflightIssue[] {
  const ctx: RuleContext = {
    input,
    site: input.site,
    product: input.product,
    ae: input.site.platform === 'aliexpress',
    policy: sitePolicy(input.site.id),
    isHosted: input.isHostedImage ?? defaultIsHostedImage,
  };
  const issues = RULES.flatMap((rule) => rule(ctx));
  // Errors first, in rule order; a listing's first line then says why it is blocked.
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

/** True when any issue is an error: such a listing is never sent. */
export function blocking(issues: readonly PreflightIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
