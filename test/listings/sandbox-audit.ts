import assert from 'node:assert/strict';
import type { Sandbox } from '../../src/sandbox/index.ts';

/** Asserts every SellerSku on a sandbox site sits in exactly one product; returns how many there are. */
export function assertNoDuplicates(sb: Sandbox, site: string): number {
  const seen = new Map<string, number>();
  for (const p of sb.admin.products(site, { limit: 1_000_000 })) {
    for (const s of (p.skus as { SellerSku?: string; sku_code?: string }[] | undefined) ?? []) {
      const sku = s.SellerSku ?? s.sku_code ?? '';
      seen.set(sku, (seen.get(sku) ?? 0) + 1);
    }
  }
  for (const [sku, n] of seen) assert.equal(n, 1, `${sku} on ${site} ${n} times`);
  return seen.size;
}

/** The sandbox's view of one SKU (quantity and price as the platform shows them). */
export function remoteSku(sb: Sandbox, site: string, sellerSku: string): Record<string, unknown> | undefined {
  for (const p of sb.admin.products(site, { limit: 1_000_000 })) {
    for (const s of (p.skus as Record<string, unknown>[] | undefined) ?? [])
      if (s.SellerSku === sellerSku) return s;
  }
  return undefined;
}
