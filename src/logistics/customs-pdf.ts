import PDFDocument from 'pdfkit';
import { toDecimalString } from '../shared/index.ts';
import { formatHs, type CustomsDeclaration, type CustomsParty } from './customs.ts';

/**
 * CN22/CN23 and commercial-invoice PDFs (pdfkit, A4 / A6). The standard PDF fonts cover Latin-1
 * only, and customs forms are filled in English or French in Latin letters anyway: other scripts
 * are replaced with '?' (give parties' names and addresses in Latin letters).
 */

const CATEGORY_LABEL: Record<CustomsDeclaration['category'], string> = {
  'sale-of-goods': 'Sale of goods',
  gift: 'Gift',
  'commercial-sample': 'Commercial sample',
  'returned-goods': 'Returned goods',
  documents: 'Documents',
  other: 'Other',
};

function latin(text: string): string {
  return text.normalize('NFKC').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
}

function render(
  draw: (doc: PDFKit.PDFDocument) => void,
  info: { Title: string; Subject: string; Keywords: string },
  size: string,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size,
      margin: 28,
      info: { ...info, Author: 'kbridge', Creator: 'kbridge logistics' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

function party(
  doc: PDFKit.PDFDocument,
  title: string,
  p: CustomsParty,
  x: number,
  y: number,
  w: number,
): number {
  doc.font('Helvetica-Bold').fontSize(8).text(title, x, y, { width: w });
  doc.font('Helvetica').fontSize(9);
  const lines = [
    p.name,
    ...p.addressLines,
    p.country,
    p.phone ? `Tel ${p.phone}` : '',
    p.email ?? '',
    p.taxId ? `Tax/Business ID ${p.taxId}` : '',
  ]
    .filter(Boolean)
    .map(latin);
  doc.text(lines.join('\n'), x, y + 11, { width: w });
  return doc.y;
}

const kg = (g: number) => (g / 1000).toFixed(3);

/** The CN22 or CN23 declaration (the form named in `d.form`). */
export function renderCustomsDeclaration(d: CustomsDeclaration): Promise<Buffer> {
  const cn22 = d.form === 'CN22';
  return render(
    (doc) => {
      const W = doc.page.width - 56;
      doc
        .font('Helvetica-Bold')
        .fontSize(cn22 ? 12 : 14)
        .text(`CUSTOMS DECLARATION ${d.form}`, 28, 28);
      doc
        .font('Helvetica')
        .fontSize(8)
        .text('Designated operator: Korea Post (Republic of Korea)   May be opened officially', { width: W });
      if (d.trackingNumber)
        doc.font('Helvetica-Bold').fontSize(10).text(`Item no. ${d.trackingNumber}`, { width: W });
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(
          `Service: ${latin(d.serviceName)}   Invoice: ${d.invoiceNumber}${d.reference ? `   Order: ${d.reference}` : ''}`,
        );
      const top = doc.y + 6;
      const half = (W - 10) / 2;
      const yA = party(doc, 'FROM (sender)', d.sender, 28, top, half);
      const yB = party(doc, 'TO (addressee)', d.addressee, 28 + half + 10, top, half);
      let y = Math.max(yA, yB) + 10;
      const cols = cn22
        ? [
            ['Detailed description of contents', 0.33],
            ['Qty', 0.07],
            ['Weight (kg)', 0.14],
            ['Value (USD)', 0.14],
            ['HS tariff no.', 0.19],
            ['Origin', 0.13],
          ]
        : [
            ['Detailed description of contents', 0.36],
            ['Quantity', 0.1],
            ['Net weight (kg)', 0.14],
            ['Value (USD)', 0.14],
            ['HS tariff number', 0.14],
            ['Country of origin', 0.12],
          ];
      const xs: number[] = [];
      let x = 28;
      for (const [, f] of cols) {
        xs.push(x);
        x += (f as number) * W;
      }
      doc.font('Helvetica-Bold').fontSize(7.5);
      cols.forEach(([label, f], i) => doc.text(label as string, xs[i]!, y, { width: (f as number) * W - 4 }));
      y = doc.y + 4;
      doc
        .moveTo(28, y - 2)
        .lineTo(28 + W, y - 2)
        .stroke();
      doc.font('Helvetica').fontSize(8.5);
      for (const it of d.items) {
        const cells = [
          latin(it.description),
          String(it.quantity),
          kg(it.netWeightG),
          toDecimalString(it.value),
          formatHs(it.hsCode) || '-',
          it.originCountry,
        ];
        let rowEnd = y;
        cells.forEach((c, i) => {
          doc.text(c, xs[i]!, y, { width: (cols[i]![1] as number) * W - 4 });
          rowEnd = Math.max(rowEnd, doc.y);
        });
        y = rowEnd + 3;
      }
      doc
        .moveTo(28, y)
        .lineTo(28 + W, y)
        .stroke();
      y += 4;
      doc.font('Helvetica-Bold').fontSize(9);
      doc.text(`Total gross weight (kg): ${kg(d.grossWeightG)}`, 28, y, { width: W });
      doc.text(`Total value (USD): ${toDecimalString(d.totalValue)}`, { width: W });
      if (d.postage)
        doc
          .font('Helvetica')
          .text(`Postal charges/fees: ${toDecimalString(d.postage)} ${d.postage.currency}`, { width: W });
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`Category of item: [X] ${CATEGORY_LABEL[d.category]}`, { width: W });
      doc.text(`Terms of delivery: ${d.incoterm}`, { width: W });
      doc
        .moveDown(0.5)
        .fontSize(7.5)
        .text(
          'I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations.',
          { width: W },
        );
      doc
        .moveDown(0.5)
        .fontSize(9)
        .text(`Date and sender's signature: ${d.date.toISOString().slice(0, 10)}  ${latin(d.sender.name)}`, {
          width: W,
        });
    },
    {
      Title: `${d.form} ${d.trackingNumber ?? d.invoiceNumber}`,
      Subject: `Customs declaration ${d.form} for invoice ${d.invoiceNumber}`,
      Keywords: [
        d.form,
        d.invoiceNumber,
        d.trackingNumber ?? '',
        ...d.items.map((i) => formatHs(i.hsCode)),
      ].join(' '),
    },
    cn22 ? 'A6' : 'A4',
  );
}

/** The commercial invoice for the parcel (A4). */
export function renderCommercialInvoice(d: CustomsDeclaration): Promise<Buffer> {
  return render(
    (doc) => {
      const W = doc.page.width - 56;
      doc.font('Helvetica-Bold').fontSize(16).text('COMMERCIAL INVOICE', 28, 28);
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`Invoice no. ${d.invoiceNumber}    Date ${d.date.toISOString().slice(0, 10)}`);
      if (d.reference) doc.text(`Marketplace order ${d.reference}`);
      if (d.trackingNumber)
        doc.text(`Waybill / item no. ${d.trackingNumber}    Service ${latin(d.serviceName)}`);
      const top = doc.y + 8;
      const half = (W - 10) / 2;
      const yA = party(doc, 'EXPORTER / SHIPPER', d.sender, 28, top, half);
      const yB = party(doc, 'CONSIGNEE', d.addressee, 28 + half + 10, top, half);
      let y = Math.max(yA, yB) + 12;
      const cols: [string, number][] = [
        ['Description of goods', 0.32],
        ['HS code', 0.11],
        ['Origin', 0.08],
        ['Qty', 0.07],
        ['Net kg', 0.1],
        ['Unit value USD', 0.16],
        ['Amount USD', 0.16],
      ];
      const xs: number[] = [];
      let x = 28;
      for (const [, f] of cols) {
        xs.push(x);
        x += f * W;
      }
      doc.font('Helvetica-Bold').fontSize(8);
      cols.forEach(([label, f], i) => doc.text(label, xs[i]!, y, { width: f * W - 4 }));
      y = doc.y + 4;
      doc
        .moveTo(28, y - 2)
        .lineTo(28 + W, y - 2)
        .stroke();
      doc.font('Helvetica').fontSize(8.5);
      for (const it of d.items) {
        const unit = { currency: 'USD', minor: Math.round(it.value.minor / it.quantity) };
        const cells = [
          latin(it.description),
          formatHs(it.hsCode) || '-',
          it.originCountry,
          String(it.quantity),
          kg(it.netWeightG),
          toDecimalString(unit),
          toDecimalString(it.value),
        ];
        let rowEnd = y;
        cells.forEach((c, i) => {
          doc.text(c, xs[i]!, y, { width: cols[i]![1] * W - 4 });
          rowEnd = Math.max(rowEnd, doc.y);
        });
        y = rowEnd + 3;
      }
      doc
        .moveTo(28, y)
        .lineTo(28 + W, y)
        .stroke();
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .text(`TOTAL (USD): ${toDecimalString(d.totalValue)}`, 28, y + 6, { width: W });
      doc.font('Helvetica').fontSize(9);
      doc.text(
        `Currency: USD    Terms of delivery (Incoterms 2020): ${d.incoterm}    Reason for export: ${CATEGORY_LABEL[d.category]}`,
        { width: W },
      );
      doc.text(`Total gross weight: ${kg(d.grossWeightG)} kg    Packages: 1`, { width: W });
      doc
        .moveDown()
        .text(
          'I declare that the information on this invoice is true and correct and that the goods are of the origin shown.',
          { width: W },
        );
      doc.moveDown().text(`Signature: ${latin(d.sender.name)}`, { width: W });
    },
    {
      Title: `Commercial invoice ${d.invoiceNumber}`,
      Subject: `Commercial invoice ${d.invoiceNumber}`,
      Keywords: [d.invoiceNumber, d.trackingNumber ?? ''].join(' '),
    },
    'A4',
  );
}
