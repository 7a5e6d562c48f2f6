/**
 * The embedded engine behind the provider interface, for callers that want "a provider" (the CLI's
 * `--provider embedded`, contract tests). The pipeline calls the engine directly, with the
 * product's domain and glossaries, before any external provider.
 */
import { translateWithTermBase } from '../engine/embedded-engine.ts';
import type { SourceLanguage, TargetLanguage } from '../languages.ts';
import type { TermBase } from '../termbase/termbase.ts';
import {
  ProviderError,
  type ProviderBatch,
  type ProviderLimits,
  type ProviderReply,
  type TranslationProvider,
} from './types.ts';

export class EmbeddedProvider implements TranslationProvider {
  readonly name = 'embedded';
  readonly limits: ProviderLimits = {
    maxSegments: 10_000,
    maxChars: 10_000_000,
    requestsPerSecond: 1e9,
    timeoutMs: 60_000,
    maxRetries: 0,
  };
  private readonly termBase: TermBase;

  constructor(termBase: TermBase) {
    this.termBase = termBase;
  }

  async supports(source: SourceLanguage, _target: TargetLanguage): Promise<boolean> {
    return source === 'ko';
  }

  /** Segments it cannot translate with confidence are left out of the reply (never guessed). */
  async translateBatch(batch: ProviderBatch, _signal: AbortSignal): Promise<ProviderReply> {
    if (batch.sourceLang !== 'ko')
      throw new ProviderError('bad_request', 'the embedded engine translates Korean only');
    const outputs = [];
    for (const s of batch.segments) {
      const r = translateWithTermBase(s.text, s.kind, {
        termBase: this.termBase,
        language: batch.targetLang,
      });
      if (r.ok) outputs.push({ id: s.id, text: r.text });
    }
    return { outputs };
  }
}
