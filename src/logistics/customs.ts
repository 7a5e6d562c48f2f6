import hsData from '../../data/logistics/hs_codes_kexport.json' with { type: 'json' };
import { AppError, sum, type Money } from '../shared/index.ts';

/**
 * Customs papers for a parcel leaving Korea: the CN22/CN23 declaration (UPU) and a commercial
 * invoice. Contents in English, values in USD, HS code and origin per item (research/domain.md
 * 1.1, 1.6, 8). CN22 serves letter-post items (K-Packet, small packets) up to 300 SDR; parcels,
 * EMS and anything worth more travel with a CN23.
 */
export interface CustomsParty {
  name: string;
  addressLines: string[];
  country: string;
  phone?: string | undefined;
  email?: string | undefined;
  /** Sender: the Korean business registration number; addressee: a tax id when the country asks. */
  taxId?: string | undefined;
}

export interface CustomsItem {
  /** Precise English description ("Facial serum 50 ml"), never "etc." or "daily goods". */
  description: string;
  hsCode: string | null;
  originCountry: string;
  quantity: number;
  /** Net weight of all units of the line. */
  netWeightG: number;
  /** Value of all units of the line, in USD. */
  value: Money;
}

export type CustomsCategory =
  'sale-of-goods' | 'gift' | 'commercial-sample' | 'returned-goods' | 'documents' | 'other';

export interface CustomsDeclaration {
  form: 'CN22' | 'CN23';
  sender: CustomsParty;
  addressee: CustomsParty;
  items: CustomsItem[];
  category: CustomsCategory;
  serviceName: string;
  trackingNumber?: string | undefined;
  invoiceNumber: string;
  /** The marketplace order this parcel fulfils. */
  reference?: string | undefined;
  grossWeightG: number;
  postage?: Money | undefined;
  /** DDP (duties paid by the sender or marketplace) or DAP (by the buyer). */
  incoterm: 'DDP' | 'DAP';
  date: Date;
  totalValue: Money;
}

/** The CN22 ceiling, 300 SDR, in USD at a dated SDR rate (IMF, about 1.35 USD per SDR in 2025). */
export const CN22_MAX_SDR = 300;
export const USD_PER_SDR = 1.35;

/** CN22 only for letter post worth up to 300 SDR; everything else CN23. */
export function customsFormFor(serviceForm: 'CN22' | 'CN23', totalValue: Money): 'CN22' | 'CN23' {
  if (serviceForm === 'CN23') return 'CN23';
  return totalValue.minor / 100 <= CN22_MAX_SDR * USD_PER_SDR ? 'CN22' : 'CN23';
}

const HS = new Map(hsData.entries.map((e) => [e.hs, e.description]));

/** The HS nomenclature text for a code (longest known prefix), for when nothing better exists. */
export function hsDescription(hsCode: string | null | undefined): string | undefined {
  const digits = (hsCode ?? '').replace(/\D/g, '');
  for (let n = Math.min(6, digits.length); n >= 4; n -= 2) {
    const d = HS.get(digits.slice(0, n));
    if (d) return d.split(/[;(]/)[0]!.trim();
  }
  return undefined;
}

/** `330499` → `3304.99`, the way customs forms print HS codes. */
export function formatHs(hsCode: string | null | undefined): string {
  const d = (hsCode ?? '').replace(/\D/g, '');
  return d.length > 4 ? `${d.slice(0, 4)}.${d.slice(4)}` : d;
}

const VAGUE = /^(etc\.?|misc\.?|goods|daily goods|items?|products?|gift|sample)$/i;

/** Builds and checks a declaration: descriptions precise, values in USD, quantities positive. */
export function buildDeclaration(
  input: Omit<CustomsDeclaration, 'form' | 'totalValue'> & { serviceForm: 'CN22' | 'CN23' },
): CustomsDeclaration {
  if (input.items.length === 0)
    throw new AppError('invalid_input', 'items: a declaration needs at least one item');
  for (const [i, it] of input.items.entries()) {
    if (!it.description.trim() || VAGUE.test(it.description.trim())) {
      throw new AppError(
        'invalid_input',
        `items.${i}.description: "${it.description}" is too vague for customs`,
      );
    }
    if (it.value.currency !== 'USD') throw new AppError('invalid_input', `items.${i}.value: must be in USD`);
    if (!Number.isSafeInteger(it.quantity) || it.quantity <= 0)
      throw new AppError('invalid_input', `items.${i}.quantity: must be positive`);
  }
  const totalValue = sum(
    'USD',
    input.items.map((i) => i.value),
  );
  const { serviceForm, ...rest } = input;
  return { ...rest, form: customsFormFor(serviceForm, totalValue), totalValue };
}
