/**
 * Listing preflight: every rule the marketplace's product API enforces (leaf category, mandatory
 * attributes, title limits, forbidden characters and words, images, price and special price,
 * package limits, SKUs and sale props) plus destination compliance (restricted items and the
 * shipping services that can carry them), checked before any call. A listing with an error is
 * never sent. This file is the preflight's only door.
 */
export { preflight, blocking } from './preflight.ts';
export { defaultIsHostedImage } from './rules-images.ts';
export { priceDecimals } from './rules-price.ts';
export type { PreflightCompliance, PreflightInput, PreflightIssue } from './types.ts';
