import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { loadConfig } from './config.ts';
import { AppError } from '../shared/index.ts';

test('defaults: embedded PGlite under .kbridge', () => {
  const c = loadConfig({});
  assert.equal(c.engine, 'pglite');
  assert.match(c.dataDir, /\.kbridge$/);
  assert.equal(c.port, 8080);
});

test('DATABASE_URL selects PostgreSQL and is never printed', () => {
  const c = loadConfig({
    DATABASE_URL: 'postgres://kb:hunter2@db:5432/kb',
    KBRIDGE_OPERATOR_API_KEY: 'operator-key-0123456789',
  });
  assert.equal(c.engine, 'postgres');
  assert.equal(c.databaseUrl!.reveal(), 'postgres://kb:hunter2@db:5432/kb');
  for (const shown of [
    JSON.stringify(c),
    inspect(c, { depth: 5 }),
    String(c.databaseUrl),
    `${c.operatorApiKey}`,
  ]) {
    assert.ok(!shown.includes('hunter2') && !shown.includes('operator-key'), shown);
  }
});

test('every bad variable is reported at once, by name', () => {
  assert.throws(
    () => loadConfig({ KBRIDGE_PORT: 'eighty', DATABASE_URL: 'mysql://x', KBRIDGE_SECRET_KEY: 'short' }),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'config' &&
      ['KBRIDGE_PORT', 'DATABASE_URL', 'KBRIDGE_SECRET_KEY'].every((v) => e.message.includes(v)),
  );
});
