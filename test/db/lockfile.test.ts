import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, openStore } from '../../src/db/index.ts';
import { AppError } from '../../src/shared/index.ts';

test('a second holder in the same process is refused; release frees the lock', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'kbridge-lock-')), 'pglite.lock');
  const lock = acquireLock(path);
  assert.equal(readFileSync(path, 'utf8').trim(), String(process.pid));
  assert.throws(
    () => acquireLock(path),
    (e: unknown) => e instanceof AppError && e.code === 'locked',
  );
  lock.release();
  assert.equal(existsSync(path), false);
  acquireLock(path).release();
});

test('a lock held by another live process is refused with its pid; a dead owner is taken over', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'kbridge-lock-')), 'pglite.lock');
  // Another process that holds the lock file until killed.
  const child = spawn(process.execPath, [
    '-e',
    `require('fs').writeFileSync(${JSON.stringify(path)}, String(process.pid)); setInterval(() => {}, 1000)`,
  ]);
  try {
    for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 20));
    assert.throws(
      () => acquireLock(path),
      (e: unknown) =>
        e instanceof AppError && e.code === 'locked' && e.message.includes(`process ${child.pid}`),
    );
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  const lock = acquireLock(path); // the owner is gone: a stale lock
  assert.equal(readFileSync(path, 'utf8').trim(), String(process.pid));
  lock.release();
});

test('opening the same embedded data directory twice fails clearly instead of losing commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-pglite-'));
  const first = await openStore({ engine: 'pglite', dataDir: dir });
  try {
    await assert.rejects(openStore({ engine: 'pglite', dataDir: dir }), /in use|already held/);
  } finally {
    await first.close();
  }
  const again = await openStore({ engine: 'pglite', dataDir: dir });
  await again.close();
  writeFileSync(join(dir, 'pglite.lock'), '999999999'); // a lock left by a crashed process
  const afterCrash = await openStore({ engine: 'pglite', dataDir: dir });
  await afterCrash.close();
});
