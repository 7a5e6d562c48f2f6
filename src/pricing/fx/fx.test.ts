import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock, money } from '../../shared/index.ts';
import { InMemoryFxRepository, JsonFileFxRepository } from './fx-repository.ts';
import { repositoryContract } from './repository-contract.ts';
import {
  convert,
  createFxSnapshot,
  defaultFxSnapshot,
  fxChanges,
  rateToText,
  withRates,
} from './fx-snapshot.ts';
import { FileRateSource, HttpRateSource, parseRatesDocument } from './rate-sources.ts';

const clock = fixedClock('2026-11-25T09:00:00Z');

describe('FX snapshots', () => {
  it('have a content-derived id, source and timestamp', () => {
    const a = createFxSnapshot({
      source: 'manual',
      takenAt: '2026-11-25T09:00:00Z',
      rates: { thb: '46.40', USD: 1447.15 },
    });
    const b = createFxSnapshot({
      source: 'manual',
      takenAt: new Date('2026-11-25T09:00:00Z'),
      rates: { USD: '1447.15', THB: '46.4' },
    });
    assert.equal(a.id, b.id);
    assert.match(a.id, /^fx_[0-9a-f]{20}$/);
    assert.deepEqual(a.rates, { THB: '46.4', USD: '1447.15' });
    assert.notEqual(withRates(a, { THB: '46.5' }, 'manual', '2026-11-25T09:00:00Z').id, a.id);
  });
  it('reject unknown currencies and non-positive rates', () => {
    assert.throws(
      () => createFxSnapshot({ source: 'x', takenAt: '2026-01-01', rates: { XYZ: '1' } }),
      /unknown currency/,
    );
    assert.throws(
      () => createFxSnapshot({ source: 'x', takenAt: '2026-01-01', rates: { THB: '-1' } }),
      /positive/,
    );
    assert.throws(
      () => createFxSnapshot({ source: 'x', takenAt: 'yesterday', rates: { THB: '1' } }),
      /timestamp/,
    );
    assert.equal(rateToText(0.0862341), '0.0862341');
    assert.equal(rateToText('046.4100'), '46.41');
  });
  it('the shipped default is a dated sample', () => {
    const d = defaultFxSnapshot();
    assert.equal(d.takenAt, '2026-03-02T00:02:32.000Z');
    assert.match(d.source, /^default:/);
    assert.equal(d.rates.THB, '46.412');
  });
  it('convert goes through KRW and records the snapshot', () => {
    const d = defaultFxSnapshot();
    const c = convert(money('KRW', 25000), 'THB', d);
    assert.deepEqual(c.money, { currency: 'THB', minor: 53865 });
    assert.equal(c.snapshotId, d.id);
    assert.deepEqual(convert(money('USD', 100), 'KRW', d).money, { currency: 'KRW', minor: 1447 });
    assert.throws(
      () =>
        convert(
          money('KRW', 1),
          'JPY',
          createFxSnapshot({ source: 'x', takenAt: '2026-01-01', rates: { THB: '1' } }),
        ),
      /no rate for JPY/,
    );
  });
  it('fxChanges reports relative moves', () => {
    const a = createFxSnapshot({ source: 'x', takenAt: '2026-01-01', rates: { THB: '40', USD: '1400' } });
    const b = withRates(a, { THB: '41' }, 'y', '2026-01-02');
    assert.deepEqual(fxChanges(a, b), [{ currency: 'THB', from: '40', to: '41', changePct: 2.5 }]);
  });
});

describe('rate documents', () => {
  it('reads our own snapshot shape', () => {
    const s = parseRatesDocument(
      '{"base":"KRW","takenAt":"2026-11-01T00:00:00Z","rates":{"THB":"46.1"}}',
      'file:x.json',
    );
    assert.deepEqual([s.source, s.takenAt, s.rates.THB], ['file:x.json', '2026-11-01T00:00:00.000Z', '46.1']);
  });
  it('reads a rates API document with another base (cross rates through KRW), ignoring unknown codes', () => {
    const doc = {
      result: 'success',
      base_code: 'USD',
      time_last_update_unix: 1764028800,
      rates: { USD: 1, KRW: 1450, THB: 32, EUR: 0.8, XAU: 0.0004 },
    };
    const s = parseRatesDocument(JSON.stringify(doc), 'http:api', clock);
    assert.deepEqual(s.rates, { EUR: '1812.5', THB: '45.3125', USD: '1450' });
    assert.equal(s.takenAt, '2025-11-25T00:00:00.000Z');
  });
  it('reads CSV lines CCY,rate with a header and comments', () => {
    const s = parseRatesDocument('# rates\ncurrency,krw_per_unit\nTHB,46.2\nusd,1440\n', 'file:r.csv', clock);
    assert.deepEqual(s.rates, { THB: '46.2', USD: '1440' });
    assert.equal(s.takenAt, '2026-11-25T09:00:00.000Z');
    assert.throws(() => parseRatesDocument('XXX,1', 'f', clock), /unknown currency/);
    assert.throws(
      () => parseRatesDocument('{"base":"USD","rates":{"THB":32}}', 'f', clock),
      /without a KRW rate/,
    );
  });
  it('FileRateSource reads a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-fx-'));
    try {
      await writeFile(join(dir, 'rates.csv'), 'PHP,25.2\n');
      const s = await new FileRateSource(join(dir, 'rates.csv'), clock).fetchSnapshot();
      assert.deepEqual([s.source, s.rates.PHP], ['file:rates.csv', '25.2']);
      await assert.rejects(new FileRateSource(join(dir, 'nope.csv')).fetchSnapshot(), /cannot read/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('HttpRateSource against a local fake rates API', () => {
  let server: Server;
  let base = '';
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/v6/latest/KRW') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            result: 'success',
            base_code: 'KRW',
            time_last_update_unix: 1764028800,
            rates: { KRW: 1, THB: 0.0215, SGD: 0.000877 },
          }),
        );
      } else if (req.url === '/busy') {
        res.writeHead(429).end();
      } else if (req.url === '/broken') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"rates":');
      } else res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('turns a KRW-based API answer into KRW per unit', async () => {
    const s = await new HttpRateSource({ url: `${base}/v6/latest/KRW`, clock }).fetchSnapshot();
    assert.equal(s.source, `http:${new URL(base).host}`);
    assert.equal(s.rates.THB, '46.51162791');
    assert.equal(s.rates.SGD, '1140.250855');
    assert.equal(s.takenAt, '2025-11-25T00:00:00.000Z');
    assert.ok(hits.includes('/v6/latest/KRW'));
  });
  it('maps HTTP failures to AppError codes', async () => {
    await assert.rejects(new HttpRateSource({ url: `${base}/busy` }).fetchSnapshot(), {
      code: 'rate_limited',
    });
    await assert.rejects(new HttpRateSource({ url: `${base}/down` }).fetchSnapshot(), { code: 'upstream' });
    await assert.rejects(new HttpRateSource({ url: `${base}/broken` }).fetchSnapshot(), { code: 'upstream' });
    await assert.rejects(
      new HttpRateSource({ url: 'http://127.0.0.1:9/x', timeoutMs: 500 }).fetchSnapshot(),
      (e: { code: string }) => ['upstream', 'timeout'].includes(e.code),
    );
  });
});

describe('FX repositories', () => {
  it('in memory', () => repositoryContract(new InMemoryFxRepository()));
  it('JSON file in the data dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-fx-'));
    try {
      const path = join(dir, 'pricing', 'fx-snapshots.json');
      await repositoryContract(new JsonFileFxRepository(path));
      const onDisk = JSON.parse(await readFile(path, 'utf8')) as { snapshots: unknown[] };
      assert.equal(onDisk.snapshots.length, 2);
      assert.equal((await new JsonFileFxRepository(path).list()).length, 2);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
