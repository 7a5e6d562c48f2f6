import type { Schemas } from '../api/client';

// The closed lists the API declares, in display order (the compiler checks them against the schema).
export const SITE_IDS: Schemas['SiteId'][] = [
  'lazada-sg',
  'lazada-my',
  'lazada-th',
  'lazada-id',
  'lazada-ph',
  'lazada-vn',
  'daraz-pk',
  'daraz-bd',
  'daraz-lk',
  'daraz-np',
  'daraz-mm',
  'miravia-es',
  'aliexpress-global',
];

export const GRID_STATES: Schemas['GridState'][] = [
  'live',
  'pending_qc',
  'rejected',
  'needs-translation',
  'preflight-failed',
  'error',
  'publishing',
  'ready',
  'draft',
  'paused',
  'delisted',
  'not-listed',
];
