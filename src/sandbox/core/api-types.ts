import type { UploadedFile } from './request-params.ts';
import type { Runtime } from './runtime.ts';
import type { Site } from './sites.ts';

/** What an API handler gets for one verified call. */
export interface CallContext {
  rt: Runtime;
  site: Site;
  /** Lazop API path (`/product/create`) or AliExpress method (`aliexpress.solution.order.get`). */
  api: string;
  params: Record<string, string>;
  files: Map<string, UploadedFile>;
  appKey: string;
  /** Set when the call carried a valid seller token. */
  account?: string;
  /** The token's seller id on this site. */
  sellerId?: string;
  /** True when the call came to a host without a venture (Lazada's central auth host). */
  centralHost: boolean;
  requestId: string;
  now: number;
}

/** The fields of a success body besides `code` and `request_id` (`{data}`, `{result}`, token fields…). */
export type ApiBody = Record<string, unknown>;

export interface ApiRoute {
  /** `seller`: a seller token is required; `optional`: checked if sent; `none`: never sent. */
  auth: 'seller' | 'optional' | 'none';
  handle(ctx: CallContext): ApiBody | Promise<ApiBody>;
}

export type RouteTable = Record<string, ApiRoute>;

/** The caller's seller id, for handlers of `auth: 'seller'` routes. */
export function sellerOf(ctx: CallContext): string {
  if (!ctx.sellerId) throw new Error('seller route called without a seller');
  return ctx.sellerId;
}
