import type { Schemas } from '../api/client';

// The marketplace item statuses the API declares (checked against the schema by the compiler).
export const LINE_STATUSES: Schemas['LineStatus'][] = [
  'unpaid',
  'pending',
  'packed',
  'repacked',
  'ready_to_ship',
  'shipped',
  'delivered',
  'failed_delivery',
  'shipped_back',
  'shipped_back_success',
  'shipped_back_failed',
  'package_scrapped',
  'returned',
  'canceled',
  'lost',
  'lost_by_3pl',
  'damaged_by_3pl',
];
