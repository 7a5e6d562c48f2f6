/**
 * Analytics: GMV and orders in KRW by period, country, site and seller, and the program's annual
 * GMV target. Definitions in docs/analytics.md.
 */
export { gmvReport, type GmvQuery, type GmvReport } from './gmv-report.ts';
export {
  gmvTargetProgress,
  setGmvTarget,
  DEFAULT_GMV_TARGET_KRW,
  type GmvTargetProgress,
} from './targets.ts';
export { CANCELLED_STATUSES, type GmvFigure } from './gmv-query.ts';
export { ANALYTICS_TIME_ZONE, MAX_PERIOD_DAYS, DEFAULT_PERIOD_DAYS, todayKst, formatDay } from './period.ts';
