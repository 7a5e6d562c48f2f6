import PDFDocument from 'pdfkit';
import type { OrderRecord, PackageRecord } from '../core/model.ts';
import type { Site } from '../core/sites.ts';
import { formatOrderTime } from '../core/time-format.ts';

// Code 39: each character is 9 elements (bar, space, …), "1" = wide. Enough for tracking numbers.
const CODE39: Record<string, string> = {
  '0': '000110100',
  '1': '100100001',
  '2': '001100001',
  '3': '101100000',
  '4': '000110001',
  '5': '100110000',
  '6': '001110000',
  '7': '000100101',
  '8': '100100100',
  '9': '001100100',
  A: '100001001',
  B: '001001001',
  C: '101001000',
  D: '000011001',
  E: '100011000',
  F: '001011000',
  G: '000001101',
  H: '100001100',
  I: '001001100',
  J: '000011100',
  K: '100000011',
  L: '001000011',
  M: '101000010',
  N: '000010011',
  O: '100010010',
  P: '001010010',
  Q: '000000111',
  R: '100000110',
  S: '001000110',
  T: '000010110',
  U: '110000001',
  V: '011000001',
  W: '111000000',
  X: '010010001',
  Y: '110010000',
  Z: '011010000',
  '-': '010000101',
  '.': '110000100',
  ' ': '011000100',
  '*': '010010100',
};

function drawCode39(
  doc: PDFKit.PDFDocument,
  value: string,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const text = `*${value.toUpperCase().replace(/[^0-9A-Z.\- ]/g, '-')}*`;
  const units = text.length * (6 * 1 + 3 * 3) + (text.length - 1);
  const narrow = width / units;
  let cx = x;
  for (const ch of text) {
    const pattern = CODE39[ch] ?? CODE39['-']!;
    for (let i = 0; i < 9; i++) {
      const w = (pattern[i] === '1' ? 3 : 1) * narrow;
      if (i % 2 === 0) doc.rect(cx, y, w, height).fill('#000');
      cx += w;
    }
    cx += narrow;
  }
}

export interface AwbPackage {
  pkg: PackageRecord;
  order: OrderRecord;
}

/**
 * The airway bill: one 4×6 inch page per package with carrier, tracking number (text and Code 39
 * barcode), addresses and, when asked, the item list. The tracking numbers also go into the PDF's
 * Title and Keywords, so a reader can find them without decoding the page streams.
 */
export function renderAwb(
  site: Site,
  packages: AwbPackage[],
  printItems: boolean,
  seller: string,
): Promise<Buffer> {
  const tracking = packages.map((p) => p.pkg.trackingNumber);
  const doc = new PDFDocument({
    size: [288, 432],
    margin: 14,
    autoFirstPage: false,
    info: {
      Title: `AWB ${tracking.join(' ')}`,
      Subject: `${site.platform} ${site.venture.toUpperCase()} shipping labels`,
      Keywords: tracking.join(' '),
      Producer: 'kbridge sandbox',
      Creator: 'kbridge sandbox',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const { pkg, order } of packages) {
    doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(`${site.platform.toUpperCase()} ${site.venture.toUpperCase()} - ${pkg.providerName}`);
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(
        `Package ${pkg.packageId}   Order ${order.orderId}   ${formatOrderTime(pkg.createdAt, site.timeZone)}`,
      );
    doc.moveDown(0.5);
    drawCode39(doc, pkg.trackingNumber, 14, doc.y, 260, 50);
    doc.y += 56;
    doc.font('Helvetica-Bold').fontSize(16).text(pkg.trackingNumber, { align: 'center' });
    doc.moveDown(0.5);
    const a = order.addressShipping;
    doc.font('Helvetica-Bold').fontSize(9).text('DELIVER TO');
    // Standard PDF fonts cover Latin-1 only; other scripts are transliterated to '?'.
    const latin = (s: string): string => s.replace(/[^\x20-\xff]/g, '?');
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(latin(`${a.first_name} ${a.last_name}  ${a.phone}`));
    doc.text(latin(`${a.address1}, ${a.address4}, ${a.address3} ${a.address5}, ${a.country}`));
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text('FROM');
    doc.font('Helvetica').text(latin(`${seller} (seller ${order.sellerId})`));
    doc.moveDown(0.5);
    doc.text(
      `Payment: ${order.paymentMethod}${order.paymentMethod === 'COD' ? ' - collect on delivery' : ''}`,
    );
    if (printItems) {
      doc.moveDown(0.5);
      doc.font('Helvetica-Bold').text('ITEMS');
      doc.font('Helvetica');
      for (const item of order.items.filter((i) => pkg.orderItemIds.includes(i.orderItemId))) {
        doc.text(latin(`${item.orderItemId}  ${item.sellerSku}  ${item.name}`).slice(0, 90));
      }
    }
  }
  doc.end();
  return done;
}
