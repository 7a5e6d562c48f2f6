// Localization: the measurement engine (units, sizes, money in text) and the text translation
// pipeline, and image localization (text inside product images).
export * from './units/index.ts';
export * from './text/index.ts';
export * from './images/index.ts';
