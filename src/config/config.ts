import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/** A secret string: prints as [redacted] in logs, JSON and inspection. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[redacted]';
  }
  toJSON(): string {
    return '[redacted]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Secret([redacted])';
  }
}

const envSchema = z.object({
  KBRIDGE_DATA_DIR: z.string().min(1).default('.kbridge'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  KBRIDGE_HOST: z.string().min(1).default('127.0.0.1'),
  KBRIDGE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KBRIDGE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KBRIDGE_SECRET_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  KBRIDGE_OPERATOR_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  KBRIDGE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  KBRIDGE_MARKETPLACE_APP_KEY: z.string().min(1).optional(),
  KBRIDGE_MARKETPLACE_APP_SECRET: z.string().min(1).optional(),
  KBRIDGE_MARKETPLACE_SANDBOX_URL: z.url().optional(),
  // pg-boss sends a schedule's occurrences at most once a minute.
  KBRIDGE_ORDERS_SWEEP_SECONDS: z.coerce
    .number()
    .int()
    .refine((n) => n === 0 || (n >= 60 && n <= 604_800), 'must be 0 (off) or 60 to 604800')
    .default(7200),
  KBRIDGE_TRACKING_REFRESH_SECONDS: z.coerce
    .number()
    .int()
    .refine((n) => n === 0 || (n >= 60 && n <= 604_800), 'must be 0 (off) or 60 to 604800')
    .default(3600),
  KBRIDGE_TRACKING_API_URL: z.url().optional(),
  KBRIDGE_DARAZ_HUB_RATE_CARD: z.string().min(1).optional(),
  KBRIDGE_TRACKING_API_KEY: z.string().min(1).optional(),
  KBRIDGE_TRANSLATE_PROVIDERS: z
    .string()
    .regex(/^(openai|deepl)(,(openai|deepl))*$/, 'a comma list of openai, deepl')
    .optional(),
  KBRIDGE_TRANSLATE_OPENAI_URL: z.url().optional(),
  KBRIDGE_TRANSLATE_OPENAI_KEY: z.string().min(1).optional(),
  KBRIDGE_TRANSLATE_OPENAI_MODEL: z.string().min(1).optional(),
  KBRIDGE_TRANSLATE_OPENAI_MODE: z.enum(['auto', 'chat', 'qwen-mt']).default('auto'),
  KBRIDGE_TRANSLATE_DEEPL_KEY: z.string().min(1).optional(),
  KBRIDGE_TRANSLATE_DEEPL_URL: z.url().optional(),
  KBRIDGE_TRANSLATE_RPS: z.coerce.number().positive().max(1000).optional(),
  KBRIDGE_TRANSLATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
});

export interface Config {
  readonly dataDir: string;
  readonly databaseUrl: Secret | undefined;
  readonly engine: 'pglite' | 'postgres';
  readonly host: string;
  readonly port: number;
  readonly logLevel: z.infer<typeof envSchema>['KBRIDGE_LOG_LEVEL'];
  /** Key for secrets at rest (marketplace tokens); generated into the data dir when unset. */
  readonly secretKey: Secret | undefined;
  /** An operator API key accepted in addition to the stored ones (bootstrap, automation). */
  readonly operatorApiKey: Secret | undefined;
  readonly workerConcurrency: number;
  /** The open-platform app kbridge calls the marketplaces with and verifies their pushes against. */
  readonly marketplaceApp: { appKey: string; appSecret: Secret } | undefined;
  /** Serve every marketplace site from this origin in the sandbox's URL layout (development). */
  readonly marketplaceSandboxUrl: string | undefined;
  /** How often workers poll every channel for orders pushes missed (`orders.sweep`); 0: never. */
  readonly ordersSweepSeconds: number;
  /** How often workers read the carriers for packages on their way (`orders.refresh-tracking`); 0: never. */
  readonly trackingRefreshSeconds: number;
  /** The parcel-tracking API the carrier adapters call (logistics/tracking-http.ts); unset: none. */
  readonly trackingApi: { url: string; key: Secret | undefined } | undefined;
  /** An operator's rate card for the Daraz hub (a JSON file, logistics/hub-rate-card.ts); unset: unpriced. */
  readonly darazHubRateCard: string | undefined;
  /** External translation providers, in the order they are tried after the embedded engine. */
  readonly translation: TranslationConfig;
}

export interface TranslationConfig {
  providers: ('openai' | 'deepl')[];
  openai:
    { url: string; key: Secret | undefined; model: string; mode: 'auto' | 'chat' | 'qwen-mt' } | undefined;
  deepl: { key: Secret; url: string | undefined } | undefined;
  requestsPerSecond: number | undefined;
  timeoutMs: number | undefined;
}

/**
 * Reads and validates the environment once. Every bad variable is reported together, by name.
 * This is the only place in kbridge that reads process.env.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL= npm start`) means unset, as people expect from a shell.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('config', `invalid configuration: ${problems.join('; ')}`, {
      details: { variables: parsed.error.issues.map((i) => i.path.join('.')) },
    });
  }
  const e = parsed.data;
  return Object.freeze({
    dataDir: resolve(e.KBRIDGE_DATA_DIR),
    databaseUrl: e.DATABASE_URL ? new Secret(e.DATABASE_URL) : undefined,
    engine: e.DATABASE_URL ? 'postgres' : 'pglite',
    host: e.KBRIDGE_HOST,
    port: e.KBRIDGE_PORT,
    logLevel: e.KBRIDGE_LOG_LEVEL,
    secretKey: e.KBRIDGE_SECRET_KEY ? new Secret(e.KBRIDGE_SECRET_KEY) : undefined,
    operatorApiKey: e.KBRIDGE_OPERATOR_API_KEY ? new Secret(e.KBRIDGE_OPERATOR_API_KEY) : undefined,
    workerConcurrency: e.KBRIDGE_WORKER_CONCURRENCY,
    marketplaceApp:
      e.KBRIDGE_MARKETPLACE_APP_KEY && e.KBRIDGE_MARKETPLACE_APP_SECRET
        ? { appKey: e.KBRIDGE_MARKETPLACE_APP_KEY, appSecret: new Secret(e.KBRIDGE_MARKETPLACE_APP_SECRET) }
        : undefined,
    marketplaceSandboxUrl: e.KBRIDGE_MARKETPLACE_SANDBOX_URL,
    ordersSweepSeconds: e.KBRIDGE_ORDERS_SWEEP_SECONDS,
    trackingRefreshSeconds: e.KBRIDGE_TRACKING_REFRESH_SECONDS,
    darazHubRateCard: e.KBRIDGE_DARAZ_HUB_RATE_CARD ? resolve(e.KBRIDGE_DARAZ_HUB_RATE_CARD) : undefined,
    trackingApi: e.KBRIDGE_TRACKING_API_URL
      ? {
          url: e.KBRIDGE_TRACKING_API_URL,
          key: e.KBRIDGE_TRACKING_API_KEY ? new Secret(e.KBRIDGE_TRACKING_API_KEY) : undefined,
        }
      : undefined,
    translation: {
      providers: (e.KBRIDGE_TRANSLATE_PROVIDERS?.split(',') ?? []) as ('openai' | 'deepl')[],
      openai: e.KBRIDGE_TRANSLATE_OPENAI_URL
        ? {
            url: e.KBRIDGE_TRANSLATE_OPENAI_URL,
            key: e.KBRIDGE_TRANSLATE_OPENAI_KEY ? new Secret(e.KBRIDGE_TRANSLATE_OPENAI_KEY) : undefined,
            model: e.KBRIDGE_TRANSLATE_OPENAI_MODEL ?? 'qwen2.5:7b-instruct',
            mode: e.KBRIDGE_TRANSLATE_OPENAI_MODE,
          }
        : undefined,
      deepl: e.KBRIDGE_TRANSLATE_DEEPL_KEY
        ? { key: new Secret(e.KBRIDGE_TRANSLATE_DEEPL_KEY), url: e.KBRIDGE_TRANSLATE_DEEPL_URL }
        : undefined,
      requestsPerSecond: e.KBRIDGE_TRANSLATE_RPS,
      timeoutMs: e.KBRIDGE_TRANSLATE_TIMEOUT_MS,
    },
  });
}

/** Every variable kbridge reads, for the README and `kbridge config`. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);
