import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatIsoWithOffset,
  formatLocalDate,
  formatLocalDateTime,
  formatPacific,
  parseMarketplaceTime,
} from './time-format.ts';

const instant = new Date('2018-02-10T08:00:00Z');

test('ISO filter times carry the venture offset with a colon', () => {
  assert.equal(formatIsoWithOffset(instant, 'Asia/Singapore'), '2018-02-10T16:00:00+08:00');
  assert.equal(formatIsoWithOffset(instant, 'Asia/Bangkok'), '2018-02-10T15:00:00+07:00');
  assert.equal(formatIsoWithOffset(instant, 'Asia/Kathmandu'), '2018-02-10T13:45:00+05:45');
  assert.equal(
    formatIsoWithOffset(new Date('2024-07-01T10:00:00Z'), 'Europe/Madrid'),
    '2024-07-01T12:00:00+02:00',
  );
  assert.equal(
    formatIsoWithOffset(new Date('2024-01-01T10:00:00Z'), 'Europe/Madrid'),
    '2024-01-01T11:00:00+01:00',
  );
});

test('local sale dates and AliExpress Pacific times (DST-aware)', () => {
  assert.equal(formatLocalDateTime(instant, 'Asia/Manila'), '2018-02-10 16:00:00');
  assert.equal(formatLocalDate(new Date('2018-02-10T20:00:00Z'), 'Asia/Jakarta'), '2018-02-11');
  assert.equal(formatPacific(new Date('2024-01-15T20:00:00Z')), '2024-01-15 12:00:00'); // PST -8
  assert.equal(formatPacific(new Date('2024-07-15T20:00:00Z')), '2024-07-15 13:00:00'); // PDT -7
});

test('parses every response format', () => {
  const expected = Date.parse('2018-09-21T17:09:17Z');
  assert.equal(parseMarketplaceTime('2018-09-22 00:09:17 +0700').getTime(), expected);
  assert.equal(parseMarketplaceTime('2018-09-22T00:09:17+07:00').getTime(), expected);
  assert.equal(parseMarketplaceTime('2018-09-21T17:09:17Z').getTime(), expected);
  assert.equal(parseMarketplaceTime('2018-09-21T17:09:17.250Z').getTime(), expected + 250);
  assert.equal(parseMarketplaceTime(expected / 1000).getTime(), expected);
  assert.equal(parseMarketplaceTime(String(expected)).getTime(), expected);
  assert.equal(parseMarketplaceTime(expected).getTime(), expected);
  assert.equal(
    parseMarketplaceTime('2024-01-15 12:00:00', 'America/Los_Angeles').toISOString(),
    '2024-01-15T20:00:00.000Z',
  );
  assert.equal(
    parseMarketplaceTime('2024-07-15 13:00:00', 'America/Los_Angeles').toISOString(),
    '2024-07-15T20:00:00.000Z',
  );
  assert.throws(() => parseMarketplaceTime('2024-07-15 13:00:00'), /without offset/);
  assert.throws(() => parseMarketplaceTime('yesterday'), /not a marketplace time/);
});
