import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { schema, type Database } from '../db/index.ts';
import { AppError, newId, scopedSellerId, type Clock, type Scope } from '../shared/index.ts';
import { formatBizNo, isValidBizNo, normalizeBizNo } from './biz-no.ts';

export type Seller = typeof schema.sellers.$inferSelect;

export interface NewSeller {
  name: string;
  bizNo: string;
  contactName?: string | undefined;
  contactEmail?: string | undefined;
  contactPhone?: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks a new seller's fields; the error names the field. */
export function validateNewSeller(input: NewSeller): void {
  const fail = (field: string, reason: string) => {
    throw new AppError('invalid_input', `${field}: ${reason}`, { details: { field } });
  };
  if (!input.name.trim()) fail('name', 'is required');
  if (!isValidBizNo(input.bizNo)) {
    fail('bizNo', `"${input.bizNo}" is not a valid 사업자등록번호 (10 digits with a correct check digit)`);
  }
  if (input.contactEmail && !EMAIL.test(input.contactEmail))
    fail('contactEmail', `"${input.contactEmail}" is not an e-mail address`);
}

/** Creates a seller; a business number already registered is a conflict. */
export async function createSeller(db: Database, input: NewSeller, clock: Clock): Promise<Seller> {
  validateNewSeller(input);
  const bizNo = normalizeBizNo(input.bizNo);
  const now = clock.now();
  const rows = await db
    .insert(schema.sellers)
    .values({
      id: newId('seller', now.getTime()),
      name: input.name.trim(),
      bizNo,
      contactName: input.contactName ?? null,
      contactEmail: input.contactEmail ?? null,
      contactPhone: input.contactPhone ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: schema.sellers.bizNo })
    .returning();
  const created = rows[0];
  if (!created) {
    throw new AppError('conflict', `a seller with 사업자등록번호 ${formatBizNo(bizNo)} already exists`, {
      details: { field: 'bizNo' },
    });
  }
  return created;
}

function scopeFilter(scope: Scope): SQL | undefined {
  const only = scopedSellerId(scope);
  return only ? eq(schema.sellers.id, only) : undefined;
}

/** Sellers visible in the scope: all for the operator, only itself for a seller. Keyset-paged by id. */
export async function listSellers(
  db: Database,
  scope: Scope,
  page: { after?: string; limit?: number } = {},
): Promise<Seller[]> {
  const filters = [scopeFilter(scope), page.after ? gt(schema.sellers.id, page.after) : undefined].filter(
    Boolean,
  );
  return db
    .select()
    .from(schema.sellers)
    .where(and(...filters))
    .orderBy(asc(schema.sellers.id))
    .limit(Math.min(page.limit ?? 100, 1000));
}

/** One seller by id, if the scope may see it. */
export async function getSeller(db: Database, scope: Scope, id: string): Promise<Seller> {
  const rows = await db
    .select()
    .from(schema.sellers)
    .where(and(eq(schema.sellers.id, id), scopeFilter(scope)));
  const found = rows[0];
  if (!found) throw new AppError('not_found', `seller ${id} not found`, { details: { sellerId: id } });
  return found;
}

export async function findSellerByBizNo(db: Database, bizNo: string): Promise<Seller | undefined> {
  const rows = await db
    .select()
    .from(schema.sellers)
    .where(eq(schema.sellers.bizNo, normalizeBizNo(bizNo)));
  return rows[0];
}
