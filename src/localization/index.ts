// Localization: the measurement engine (units, sizes, money in text). Text translation and image
// localization join this door as they are built.
export * from './units/index.ts';
