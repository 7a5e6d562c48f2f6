/**
 * The pipeline with external providers configured the way an operator would (environment
 * variables), against local fakes: what the engine cannot translate goes to the provider, other
 * languages pivot through English, usage is recorded per day, and a failing provider leaves the
 * segment for review instead of publishing anything.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/index.ts';
import type { Store } from '../../src/db/index.ts';
import {
  listUsage,
  providersFromConfig,
  ProviderRunner,
  TranslationService,
} from '../../src/localization/index.ts';
import { fixedClock } from '../../src/shared/index.ts';
import { testStore } from '../helpers/store.ts';
import { startDeepLFake, type DeepLFake } from './fakes/deepl-fake.ts';
import type { FakeServer } from './fakes/fake-server.ts';
import { startOpenAiFake } from './fakes/openai-fake.ts';

let store: Store;
let openai: FakeServer;
let deepl: DeepLFake;
const clock = fixedClock('2026-11-25T09:00:00Z');

before(async () => {
  store = await testStore();
  openai = await startOpenAiFake({ apiKey: 'sk-local' });
  deepl = await startDeepLFake({ apiKey: 'dl:fx' });
});

after(async () => {
  await openai.close();
  await deepl.close();
  await store.close();
});

function service(env: Record<string, string>) {
  const config = loadConfig({ KBRIDGE_DATA_DIR: '.kbridge-test', ...env });
  return new TranslationService({
    store,
    clock,
    providers: providersFromConfig(config.translation),
    runner: new ProviderRunner({ sleep: async () => {} }),
  });
}

test('configured providers translate what the engine cannot, and their usage is recorded', async () => {
  const s = service({
    KBRIDGE_TRANSLATE_PROVIDERS: 'openai',
    KBRIDGE_TRANSLATE_OPENAI_URL: `${openai.url}/v1`,
    KBRIDGE_TRANSLATE_OPENAI_KEY: 'sk-local',
    KBRIDGE_TRANSLATE_OPENAI_MODEL: 'qwen-mt-flash',
  });
  const [known, unknown] = await s.translateTexts(['수분 토너 500ml', '뷁 세럼 50ml'], { to: 'en-SG' });
  assert.equal(known!.provider, 'termbase');
  assert.equal(unknown!.provider, 'provider:qwen-mt');
  assert.equal(unknown!.translation, 'bwek serum 50 ml');
  // The term base entries found in the segment went to Qwen-MT as terms.
  const sent = openai.requests.at(-1)!.body as { translation_options: { terms: { source: string }[] } };
  assert.ok(sent.translation_options.terms.some((t) => t.source === '세럼'));
  const [usage] = await listUsage(store);
  assert.equal(usage!.provider, 'qwen-mt');
  assert.equal(usage!.day, '2026-11-25');
  assert.equal(usage!.requests, 1);
  assert.equal(usage!.characters, [...'뷁 세럼 ⟦1⟧'].length);
});

test('another language pivots through English with the provider', async () => {
  const s = service({
    KBRIDGE_TRANSLATE_PROVIDERS: 'deepl',
    KBRIDGE_TRANSLATE_DEEPL_KEY: 'dl:fx',
    KBRIDGE_TRANSLATE_DEEPL_URL: deepl.url,
  });
  const [es] = await s.translateTexts(['수분 크림 50ml'], { to: 'es-ES' });
  const call = deepl.requests.find((r) => r.path === '/v2/translate')!.body as {
    text: string[];
    source_lang: string;
    target_lang: string;
  };
  assert.equal(call.source_lang, 'EN');
  assert.equal(call.target_lang, 'ES');
  assert.deepEqual(call.text, ['Moisture Cream <x id="1"/>']);
  assert.equal(es!.provider, 'provider:deepl');
  assert.equal(es!.translation, 'Moisture Cream 50 ml');
});

test('a provider that keeps failing leaves the segment for review, with its error', async () => {
  const s = service({
    KBRIDGE_TRANSLATE_PROVIDERS: 'openai',
    KBRIDGE_TRANSLATE_OPENAI_URL: `${openai.url}/v1`,
    KBRIDGE_TRANSLATE_OPENAI_KEY: 'wrong-key',
    KBRIDGE_TRANSLATE_OPENAI_MODEL: 'llama3',
  });
  const [r] = await s.translateTexts(['뷁뷁 세럼'], { to: 'en-SG' });
  assert.equal(r!.status, 'needs-translation');
  assert.equal(r!.translation, null);
  assert.match(r!.segments[0]!.error ?? '', /^auth: openai 401/);
  assert.ok(r!.segments[0]!.reviewId);
});

test('a provider named without its settings is a configuration error', () => {
  assert.throws(
    () => service({ KBRIDGE_TRANSLATE_PROVIDERS: 'deepl' }),
    /KBRIDGE_TRANSLATE_DEEPL_KEY is unset/,
  );
  assert.throws(() => loadConfig({ KBRIDGE_TRANSLATE_PROVIDERS: 'google' }), /KBRIDGE_TRANSLATE_PROVIDERS/);
});
