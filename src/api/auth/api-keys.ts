import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { schema, type Database } from '../../db/index.ts';
import { AppError, newId, sellerScope, OPERATOR_SCOPE, type Clock, type Scope } from '../../shared/index.ts';

export type ApiRole = 'operator' | 'seller';

const KEY_PREFIX = 'kbk_';

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface CreatedApiKey {
  id: string;
  /** Shown once; only its hash is stored. */
  key: string;
  role: ApiRole;
  sellerId: string | null;
}

/** Issues an API key. A seller key is bound to one seller and sees only that seller's data. */
export async function createApiKey(
  db: Database,
  input: { role: ApiRole; sellerId?: string | undefined; label?: string | undefined },
  clock: Clock,
): Promise<CreatedApiKey> {
  if (input.role === 'seller' && !input.sellerId) {
    throw new AppError('invalid_input', 'seller: a seller key needs --seller <id>', {
      details: { parameter: 'seller' },
    });
  }
  if (input.role === 'operator' && input.sellerId) {
    throw new AppError('invalid_input', 'seller: an operator key is not bound to a seller', {
      details: { parameter: 'seller' },
    });
  }
  if (input.sellerId) {
    const [seller] = await db
      .select({ id: schema.sellers.id })
      .from(schema.sellers)
      .where(eq(schema.sellers.id, input.sellerId));
    if (!seller)
      throw new AppError('not_found', `seller ${input.sellerId} not found`, {
        details: { parameter: 'seller' },
      });
  }
  const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const id = newId('apiKey', clock.now().getTime());
  await db.insert(schema.apiKeys).values({
    id,
    keyHash: hashKey(key),
    keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
    role: input.role,
    sellerId: input.sellerId ?? null,
    label: input.label ?? null,
    createdAt: clock.now(),
  });
  return { id, key, role: input.role, sellerId: input.sellerId ?? null };
}

export async function revokeApiKey(db: Database, id: string, clock: Clock): Promise<void> {
  const rows = await db
    .update(schema.apiKeys)
    .set({ revokedAt: clock.now() })
    .where(eq(schema.apiKeys.id, id))
    .returning({ id: schema.apiKeys.id });
  if (!rows.length) throw new AppError('not_found', `API key ${id} not found`, { details: { keyId: id } });
}

/**
 * The scope an API key grants, or undefined for an unknown or revoked key. `operatorKey` is the
 * configured bootstrap key (KBRIDGE_OPERATOR_API_KEY), compared in constant time.
 */
export async function scopeForKey(
  db: Database,
  key: string,
  operatorKey?: string,
): Promise<Scope | undefined> {
  if (operatorKey) {
    const a = Buffer.from(hashKey(key));
    const b = Buffer.from(hashKey(operatorKey));
    if (timingSafeEqual(a, b)) return OPERATOR_SCOPE;
  }
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const [row] = await db
    .select({ role: schema.apiKeys.role, sellerId: schema.apiKeys.sellerId })
    .from(schema.apiKeys)
    .where(and(eq(schema.apiKeys.keyHash, hashKey(key)), isNull(schema.apiKeys.revokedAt)));
  if (!row) return undefined;
  if (row.role === 'operator') return OPERATOR_SCOPE;
  return row.sellerId ? sellerScope(row.sellerId) : undefined;
}
