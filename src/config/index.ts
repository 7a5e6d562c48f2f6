export { loadConfig, Secret, CONFIG_VARIABLES } from './config.ts';
export type { Config, TranslationConfig } from './config.ts';
