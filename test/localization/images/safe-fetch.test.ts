import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import {
  inspectImage,
  refusedAddressReason,
  safeFetchImage,
  sniffImageType,
  type Resolver,
} from '../../../src/localization/index.ts';
import { isAppError } from '../../../src/shared/index.ts';

/** Asserts the promise rejects with an AppError of `code` whose message matches `re`. */
async function rejectsWith(p: Promise<unknown>, code: string, re: RegExp): Promise<void> {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(isAppError(err), `not an AppError: ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, re);
    return true;
  });
}

/** A PNG whose header claims `w × h` pixels: a 1×1 image with its IHDR rewritten (CRC fixed). */
async function pngClaiming(w: number, h: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  png.writeUInt32BE(w, 16);
  png.writeUInt32BE(h, 20);
  // CRC-32 over chunk type + data (bytes 12..29).
  let crc = 0xffffffff;
  for (let i = 12; i < 29; i++) {
    crc ^= png[i]!;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  png.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 29);
  return png;
}

describe('address policy', () => {
  it('refuses private, loopback, link-local, reserved and embedded-IPv4 addresses', () => {
    for (const a of [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
    ]) {
      assert.ok(refusedAddressReason(a), `${a} should be refused`);
    }
  });
  it('allows public addresses', () => {
    for (const a of ['8.8.8.8', '1.1.1.1', '203.0.114.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(refusedAddressReason(a), null, a);
    }
  });
});

describe('image sniffing and bomb limits', () => {
  it('decides the type by magic bytes, not by name or header', async () => {
    const img = sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } });
    assert.equal(sniffImageType(await img.clone().png().toBuffer()), 'png');
    assert.equal(sniffImageType(await img.clone().jpeg().toBuffer()), 'jpeg');
    assert.equal(sniffImageType(await img.clone().webp().toBuffer()), 'webp');
    assert.equal(sniffImageType(await img.clone().gif().toBuffer()), 'gif');
    assert.equal(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.equal(sniffImageType(Buffer.from('<html>not an image</html>')), null);
  });
  it('refuses a PNG whose header claims too many pixels, before decoding it', async () => {
    const bomb = await pngClaiming(100_000, 100_000);
    assert.ok(bomb.length < 200);
    await rejectsWith(inspectImage(bomb), 'invalid_input', /pixels/);
  });
  it('refuses a real highly compressible image over the pixel limit', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    assert.ok(big.length < 100_000, `compressed to ${big.length} bytes`);
    await rejectsWith(inspectImage(big, { maxPixels: 5_000_000 }), 'invalid_input', /over the limit/);
  });
  it('refuses an image over the byte limit', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } })
      .png()
      .toBuffer();
    await rejectsWith(inspectImage(png, { maxBytes: 10 }), 'invalid_input', /byte limit/);
  });
});

describe('safe fetch', () => {
  let server: Server;
  let port: number;
  let png: Buffer;
  const loopback = (): { addresses: string[]; ports: number[] } => ({
    addresses: ['127.0.0.1'],
    ports: [port],
  });
  const resolveTo =
    (...addresses: string[]): Resolver =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);

  before(async () => {
    png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#f00' } })
      .png()
      .toBuffer();
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/img.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png);
      } else if (url.pathname === '/html') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end('<html>hello</html>');
      } else if (url.pathname === '/huge') {
        // No Content-Length: the limit must be enforced while streaming.
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(png);
        res.end(Buffer.alloc(64 * 1024));
      } else if (url.pathname === '/lying') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(100 * 1024 * 1024) });
        res.end(png);
      } else if (url.pathname === '/to-metadata') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        res.end();
      } else if (url.pathname === '/to-private-name') {
        res.writeHead(302, { location: `http://internal.test:${port}/img.png` });
        res.end();
      } else if (url.pathname === '/to-img') {
        res.writeHead(301, { location: '/img.png' });
        res.end();
      } else if (url.pathname === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses schemes other than http(s), other ports and credentials', async () => {
    await rejectsWith(safeFetchImage('file:///etc/passwd'), 'forbidden', /scheme/);
    await rejectsWith(safeFetchImage('ftp://example.com/a.png'), 'forbidden', /scheme/);
    await rejectsWith(safeFetchImage('data:image/png;base64,AAAA'), 'forbidden', /scheme/);
    await rejectsWith(safeFetchImage('gopher://example.com/'), 'forbidden', /scheme/);
    const never: Resolver = () => Promise.reject(new Error('resolver must not be asked'));
    await rejectsWith(
      safeFetchImage('http://example.com:8080/a.png', { resolver: never }),
      'forbidden',
      /port 8080/,
    );
    await rejectsWith(
      safeFetchImage('http://user:pw@example.com/a.png', { resolver: never }),
      'forbidden',
      /credentials/,
    );
  });

  it('refuses loopback by default, as a literal and as a resolved name', async () => {
    await rejectsWith(safeFetchImage(`http://127.0.0.1:${port}/img.png`), 'forbidden', /port/);
    // Even with the port allowed, the address is refused.
    const portOnly = { addresses: [], ports: [port] };
    await rejectsWith(
      safeFetchImage(`http://127.0.0.1:${port}/img.png`, { testOnlyAllow: portOnly }),
      'forbidden',
      /127\.0\.0\.1/,
    );
    await rejectsWith(
      safeFetchImage(`http://[::1]:${port}/img.png`, { testOnlyAllow: portOnly }),
      'forbidden',
      /::1/,
    );
    await rejectsWith(
      safeFetchImage(`http://img.example:${port}/img.png`, {
        resolver: resolveTo('127.0.0.1'),
        testOnlyAllow: portOnly,
      }),
      'forbidden',
      /resolves to 127\.0\.0\.1/,
    );
  });

  it('checks every address a name resolves to (one private address is enough to refuse)', async () => {
    await rejectsWith(
      safeFetchImage('http://cdn.example/a.png', { resolver: resolveTo('93.184.216.34', '10.0.0.7') }),
      'forbidden',
      /10\.0\.0\.7/,
    );
    await rejectsWith(
      safeFetchImage('https://cdn.example/a.png', { resolver: resolveTo('169.254.169.254') }),
      'forbidden',
      /link-local/,
    );
    await rejectsWith(
      safeFetchImage('https://cdn.example/a.png', { resolver: resolveTo('::ffff:192.168.0.1') }),
      'forbidden',
      /192\.168/,
    );
    await rejectsWith(
      safeFetchImage('https://cdn.example/a.png', { resolver: resolveTo() }),
      'forbidden',
      /no address/,
    );
  });

  it('fetches an image from the allowed test server, connecting to the checked address', async () => {
    // `shop.test` exists in no DNS: the bytes arrive only because the connection goes to the
    // address the resolver gave and the policy checked.
    const got = await safeFetchImage(`http://shop.test:${port}/img.png`, {
      resolver: resolveTo('127.0.0.1'),
      testOnlyAllow: loopback(),
    });
    assert.equal(got.type, 'png');
    assert.equal(got.width, 20);
    assert.equal(got.height, 10);
    assert.deepEqual(got.bytes, png);
  });

  it('checks redirects again: to link-local, to a name resolving to a private address, too many', async () => {
    const opts = { resolver: resolveTo('127.0.0.1'), testOnlyAllow: loopback() };
    const followed = await safeFetchImage(`http://shop.test:${port}/to-img`, opts);
    assert.equal(followed.url, `http://shop.test:${port}/img.png`);
    await rejectsWith(
      safeFetchImage(`http://shop.test:${port}/to-metadata`, opts),
      'forbidden',
      /169\.254\.169\.254/,
    );
    const resolver: Resolver = async (host) => [
      { address: host === 'internal.test' ? '10.1.1.1' : '127.0.0.1', family: 4 },
    ];
    await rejectsWith(
      safeFetchImage(`http://shop.test:${port}/to-private-name`, { resolver, testOnlyAllow: loopback() }),
      'forbidden',
      /internal\.test resolves to 10\.1\.1\.1/,
    );
    await rejectsWith(safeFetchImage(`http://shop.test:${port}/loop`, opts), 'forbidden', /redirects/);
  });

  it('enforces the byte limit while streaming and when Content-Length is declared', async () => {
    const opts = { resolver: resolveTo('127.0.0.1'), testOnlyAllow: loopback(), maxBytes: 32 * 1024 };
    await rejectsWith(safeFetchImage(`http://shop.test:${port}/huge`, opts), 'invalid_input', /byte limit/);
    await rejectsWith(safeFetchImage(`http://shop.test:${port}/lying`, opts), 'invalid_input', /byte limit/);
  });

  it('refuses a body that is not an image whatever its Content-Type says', async () => {
    const opts = { resolver: resolveTo('127.0.0.1'), testOnlyAllow: loopback() };
    await rejectsWith(safeFetchImage(`http://shop.test:${port}/html`, opts), 'invalid_input', /not an image/);
    await rejectsWith(safeFetchImage(`http://shop.test:${port}/missing`, opts), 'upstream', /HTTP 404/);
  });
});
