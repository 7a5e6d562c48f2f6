import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSite, listSites, sandboxSiteUrls, siteFromPushName, withSiteUrls } from './sites.ts';

test('the registry covers every venture of the four platforms', () => {
  assert.deepEqual(
    listSites('lazada').map((s) => s.venture),
    ['SG', 'MY', 'TH', 'ID', 'PH', 'VN'],
  );
  assert.deepEqual(
    listSites('daraz').map((s) => s.venture),
    ['PK', 'BD', 'LK', 'NP', 'MM'],
  );
  assert.equal(getSite('miravia', 'es').currency, 'EUR');
  assert.equal(getSite('aliexpress').syncUrl, 'https://api-sg.aliexpress.com/sync');
  assert.equal(getSite('lazada', 'th').apiBaseUrl, 'https://api.lazada.co.th/rest');
  assert.equal(getSite('lazada', 'vn').authBaseUrl, 'https://auth.lazada.com/rest');
  assert.equal(getSite('daraz', 'pk').authBaseUrl, 'https://api.daraz.pk/rest');
  assert.throws(() => getSite('lazada', 'KR'), /no lazada site/);
});

test('URLs can be overridden for the sandbox', () => {
  const site = getSite('lazada', 'SG');
  const sandbox = withSiteUrls(site, sandboxSiteUrls('http://127.0.0.1:4100/', site));
  assert.equal(sandbox.apiBaseUrl, 'http://127.0.0.1:4100/lazada/sg/rest');
  assert.equal(sandbox.authBaseUrl, 'http://127.0.0.1:4100/lazada/sg/auth/rest');
  assert.equal(sandbox.authorizeUrl, 'http://127.0.0.1:4100/oauth/authorize');
  assert.equal(sandbox.currency, 'SGD');
  const ae = getSite('aliexpress');
  assert.equal(sandboxSiteUrls('http://h:1', ae).syncUrl, 'http://h:1/aliexpress/sync');
});

test('push site names are normalised', () => {
  assert.deepEqual(siteFromPushName('lazada_vn'), { platform: 'lazada', venture: 'VN' });
  assert.deepEqual(siteFromPushName('lazada-sg'), { platform: 'lazada', venture: 'SG' });
  assert.deepEqual(siteFromPushName('LAZADA_SG'), { platform: 'lazada', venture: 'SG' });
  assert.equal(siteFromPushName('shopee_sg'), undefined);
});
