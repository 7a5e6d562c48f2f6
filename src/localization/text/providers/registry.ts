/** External providers from configuration, in the order they are tried after the embedded engine. */
import type { TranslationConfig } from '../../../config/index.ts';
import { DeepLProvider } from './deepl.ts';
import { OpenAiCompatibleProvider } from './openai-compatible.ts';
import type { ProviderLimits, TranslationProvider } from './types.ts';
import { AppError } from '../../../shared/index.ts';

/** Builds the configured providers; a provider named without its settings is a `config` error. */
export function providersFromConfig(
  config: TranslationConfig,
  fetchImpl?: typeof fetch,
): TranslationProvider[] {
  const limits: Partial<ProviderLimits> = {
    ...(config.requestsPerSecond ? { requestsPerSecond: config.requestsPerSecond } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  };
  return config.providers.map((name) => {
    if (name === 'openai') {
      if (!config.openai) {
        throw new AppError(
          'config',
          'KBRIDGE_TRANSLATE_PROVIDERS names openai but KBRIDGE_TRANSLATE_OPENAI_URL is unset',
        );
      }
      return new OpenAiCompatibleProvider({
        baseUrl: config.openai.url,
        model: config.openai.model,
        apiKey: config.openai.key?.reveal(),
        mode: config.openai.mode,
        limits,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
    }
    if (!config.deepl) {
      throw new AppError(
        'config',
        'KBRIDGE_TRANSLATE_PROVIDERS names deepl but KBRIDGE_TRANSLATE_DEEPL_KEY is unset',
      );
    }
    return new DeepLProvider({
      apiKey: config.deepl.key.reveal(),
      baseUrl: config.deepl.url,
      limits,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
  });
}
