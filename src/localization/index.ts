// Localization: the measurement engine (units, sizes, money in text) and the text translation
// pipeline. Image localization joins this door as it is built.
export * from './units/index.ts';
export * from './text/index.ts';
