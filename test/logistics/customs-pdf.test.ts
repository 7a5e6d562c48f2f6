// The customs papers read back as text (pdf.js): what a customs officer would see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildDeclaration,
  renderCommercialInvoice,
  renderCustomsDeclaration,
} from '../../src/logistics/index.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const base = {
  sender: {
    name: 'Hanbit Cosmetics Co.',
    addressLines: ['12 Teheran-ro', 'Gangnam-gu, Seoul 06234'],
    country: 'KR',
    taxId: '2208162517',
  },
  addressee: {
    name: 'Siti Nurhaliza',
    addressLines: ['88 Jalan Ampang', 'Kuala Lumpur 50450'],
    country: 'MY',
    phone: '+60123456789',
  },
  items: [
    {
      description: 'Facial serum 50 ml',
      hsCode: '330499',
      originCountry: 'KR',
      quantity: 2,
      netWeightG: 700,
      value: { currency: 'USD', minor: 3580 },
    },
    {
      description: 'Instant noodles (ramyeon) 5-pack',
      hsCode: '190230',
      originCountry: 'KR',
      quantity: 1,
      netWeightG: 600,
      value: { currency: 'USD', minor: 899 },
    },
  ],
  category: 'sale-of-goods' as const,
  serviceName: 'Korea Post EMS',
  trackingNumber: 'EE123456785KR',
  invoiceNumber: 'INV-300001-ABC123',
  reference: '300001',
  grossWeightG: 1450,
  incoterm: 'DAP' as const,
  date: new Date('2026-11-25T03:00:00Z'),
};

test('CN23: every item with English description, HS code, origin KR, quantity, weight and USD value', async () => {
  const d = buildDeclaration({ ...base, serviceForm: 'CN23' });
  assert.equal(d.form, 'CN23');
  assert.deepEqual(d.totalValue, { currency: 'USD', minor: 4479 });
  const { pages, info } = await pdfText(await renderCustomsDeclaration(d));
  const text = pages.join(' ');
  for (const s of [
    'CUSTOMS DECLARATION CN23',
    'EE123456785KR',
    'Hanbit Cosmetics Co.',
    'Siti Nurhaliza',
    'Kuala Lumpur 50450',
    'Facial serum 50 ml',
    '3304.99',
    'Instant noodles (ramyeon) 5-pack',
    '1902.30',
    'Total value (USD): 44.79',
    'Total gross weight (kg): 1.450',
    'Sale of goods',
    'DAP',
  ]) {
    assert.ok(text.includes(s), `the CN23 shows "${s}": ${text}`);
  }
  // Item rows: description, quantity, weight, value, HS, origin in that order.
  assert.match(text, /Facial serum 50 ml 2 0\.700 35\.80 3304\.99 KR/);
  assert.match(text, /5-pack 1 0\.600 8\.99 1902\.30 KR/);
  assert.equal(info.Title, 'CN23 EE123456785KR');
});

test('CN22 for a light letter-post item; vague descriptions and non-USD values are refused', async () => {
  const d = buildDeclaration({
    ...base,
    serviceForm: 'CN22',
    serviceName: 'Korea Post K-Packet',
    trackingNumber: 'LX123456785KR',
    items: [base.items[0]!],
  });
  assert.equal(d.form, 'CN22');
  const text = (await pdfText(await renderCustomsDeclaration(d))).pages.join(' ');
  assert.ok(text.includes('CUSTOMS DECLARATION CN22'));
  assert.match(text, /Facial serum 50 ml 2 0\.700 35\.80 3304\.99 KR/);
  assert.throws(
    () =>
      buildDeclaration({ ...base, serviceForm: 'CN23', items: [{ ...base.items[0]!, description: 'etc' }] }),
    /too vague/,
  );
  assert.throws(
    () =>
      buildDeclaration({
        ...base,
        serviceForm: 'CN23',
        items: [{ ...base.items[0]!, value: { currency: 'KRW', minor: 50000 } }],
      }),
    /USD/,
  );
});

test('commercial invoice: lines with unit and line values, total, terms', async () => {
  const d = buildDeclaration({ ...base, serviceForm: 'CN23', incoterm: 'DDP' });
  const text = (await pdfText(await renderCommercialInvoice(d))).pages.join(' ');
  for (const s of [
    'COMMERCIAL INVOICE',
    'INV-300001-ABC123',
    'Marketplace order 300001',
    'TOTAL (USD): 44.79',
    'DDP',
    'Tax/Business ID 2208162517',
  ]) {
    assert.ok(text.includes(s), `the invoice shows "${s}": ${text}`);
  }
  assert.match(text, /Facial serum 50 ml 3304\.99 KR 2 0\.700 17\.90 35\.80/);
});
