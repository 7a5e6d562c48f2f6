/**
 * Logistics: getting a parcel from a Korean seller to a buyer abroad. Shipping options per
 * destination (the marketplace's cross-border service through its Korean hub, or Korea Post EMS,
 * K-Packet, EMS Premium) with chargeable weight, limits and restricted items; the first-mile
 * carriers to the hub; commercial invoices and CN22/CN23 declarations as PDF; the tracking
 * timeline of each package. This file is the capability's only door.
 */
export {
  FIRST_MILE_CARRIERS,
  INTERNATIONAL_CARRIERS,
  checkFirstMileTracking,
  checkInternationalTracking,
  isS10,
  makeS10,
  s10CheckDigit,
  type FirstMileCarrier,
  type InternationalCarrier,
  type TrackingProblem,
} from './carriers.ts';
export {
  recordTracking,
  trackingTimeline,
  type TrackingEvent,
  type TrackingEventInput,
  type TrackingLeg,
} from './tracking.ts';
export {
  DELIVERED_CODES,
  EMS_EVENTS,
  FIRST_MILE_EVENTS,
  SimulatedCarrier,
  type CarrierEvent,
  type CarrierTrace,
  type TrackingCarrier,
} from './tracking-carriers.ts';
export { HttpTrackingCarrier, trackingCarriers } from './tracking-http.ts';
export { TRACKING_API_CODES, type TrackingApiAnswer } from './tracking-api.ts';
export { startCarrierSimulator, type CarrierSimulator } from './carrier-sim.ts';
export {
  RESTRICTION_RULES,
  RESTRICTION_SOURCE,
  restrictionsFor,
  type RestrictionItem,
  type RestrictionRule,
  type RestrictionHit,
  type RestrictionEffect,
} from './restrictions.ts';
export { shippingOptions, type ParcelSpec, type ShippingOption } from './shipping-options.ts';
export { NO_HUB_RATE_CARD, loadHubRateCard, parseHubRateCard, type HubRateCard } from './hub-rate-card.ts';
export {
  buildDeclaration,
  customsFormFor,
  hsDescription,
  formatHs,
  CN22_MAX_SDR,
  USD_PER_SDR,
  type CustomsDeclaration,
  type CustomsItem,
  type CustomsParty,
  type CustomsCategory,
} from './customs.ts';
export { renderCustomsDeclaration, renderCommercialInvoice } from './customs-pdf.ts';
