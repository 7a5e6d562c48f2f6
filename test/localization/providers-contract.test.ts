/**
 * Contract suites for the external providers, each against a local fake of its documented protocol,
 * run through the ProviderRunner (batching, retries, rate limits, timeouts, cost), failures included.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeepLProvider,
  OpenAiCompatibleProvider,
  ProviderRunner,
  type ProviderBatch,
  type ProviderSegment,
  type TranslationProvider,
} from '../../src/localization/index.ts';
import { startDeepLFake, type DeepLFake } from './fakes/deepl-fake.ts';
import type { FakeServer } from './fakes/fake-server.ts';
import { startOpenAiFake } from './fakes/openai-fake.ts';

/** No pacing between requests in these suites, so the waits seen are the backoffs. */
const FAST = { requestsPerSecond: 1000 };

function seg(id: string, text: string, extra: Partial<ProviderSegment> = {}): ProviderSegment {
  return { id, text, kind: 'title', placeholders: [], terms: [], memory: [], ...extra };
}

function batch(segments: ProviderSegment[], extra: Partial<ProviderBatch> = {}): ProviderBatch {
  return { sourceLang: 'ko', targetLang: 'en', segments, glossary: [], ...extra };
}

function runner() {
  const slept: number[] = [];
  const r = new ProviderRunner({ sleep: async (ms) => void slept.push(ms), random: () => 0.5 });
  return { r, slept };
}

/** What every provider must do, whatever its protocol. */
function commonContract(label: string, ctx: { provider: () => TranslationProvider; fake: () => FakeServer }) {
  test(`${label}: translates a batch, keeping ids and placeholders, and counts characters`, async () => {
    const { r } = runner();
    const p = ctx.provider();
    const out = await r.run(p, batch([seg('a', '⟦1⟧ 수분 토너 ⟦2⟧'), seg('b', '세럼 ⟦1⟧')]));
    assert.equal(out.outputs.get('a'), '⟦1⟧ moisture toner ⟦2⟧');
    assert.equal(out.outputs.get('b'), 'serum ⟦1⟧');
    assert.equal(out.errors.size, 0);
    const m = r.meter(p.name);
    assert.equal(m.characters, [...'⟦1⟧ 수분 토너 ⟦2⟧'].length + [...'세럼 ⟦1⟧'].length);
    assert.ok(m.requests >= 1);
  });

  test(`${label}: a rate limit (429 with Retry-After) is retried after the delay it asks`, async () => {
    const { r, slept } = runner();
    const p = ctx.provider();
    ctx.fake().fail({ status: 429, retryAfter: '2', on: pathOf(p) });
    const out = await r.run(p, batch([seg('a', '토너')]));
    assert.equal(out.outputs.get('a'), 'toner');
    assert.ok(slept.includes(2000), `slept ${slept.join(',')}`);
    assert.equal(r.meter(p.name).retries, 1);
  });

  test(`${label}: server errors are retried with backoff, then the segments fail`, async () => {
    const { r, slept } = runner();
    const p = ctx.provider();
    const tries = p.limits.maxRetries + 1;
    ctx.fake().fail(...Array.from({ length: tries }, () => ({ status: 503, on: pathOf(p) })));
    const out = await r.run(p, batch([seg('a', '토너')]));
    assert.equal(out.outputs.size, 0);
    assert.match(out.errors.get('a') ?? '', /^unavailable:/);
    assert.equal(r.meter(p.name).failures, 1);
    assert.equal(r.meter(p.name).retries, p.limits.maxRetries);
    // Exponential: each wait at least as long as the one before.
    const waits = slept.filter((ms) => ms >= 100);
    assert.ok(
      waits.every((w, i) => i === 0 || w >= waits[i - 1]!),
      waits.join(','),
    );
  });

  test(`${label}: a wrong key fails at once, without retries`, async () => {
    const { r } = runner();
    const p = ctx.provider();
    ctx.fake().fail({ status: p.name === 'deepl' ? 403 : 401, on: pathOf(p) });
    const out = await r.run(p, batch([seg('a', '토너')]));
    assert.match(out.errors.get('a') ?? '', /^auth:/);
    assert.equal(r.meter(p.name).retries, 0);
  });

  test(`${label}: a request that hangs times out`, async () => {
    const { r } = runner();
    const p = ctx.provider();
    const fast = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as TranslationProvider, p, {
      limits: { ...p.limits, timeoutMs: 150, maxRetries: 0 },
    });
    ctx.fake().fail({ hang: true, on: pathOf(p) });
    const out = await r.run(fast, batch([seg('a', '토너')]));
    assert.match(out.errors.get('a') ?? '', /^timeout:/);
  });
}

function pathOf(p: TranslationProvider): string {
  return p.name === 'deepl' ? '/v2/translate' : '/v1/chat/completions';
}

describe('OpenAI-compatible chat provider', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await startOpenAiFake({ apiKey: 'sk-test' });
  });
  after(() => fake.close());
  const provider = () =>
    new OpenAiCompatibleProvider({
      baseUrl: `${fake.url}/v1`,
      model: 'qwen2.5-7b-instruct',
      apiKey: 'sk-test',
      limits: FAST,
    });
  commonContract('chat', { provider, fake: () => fake });

  test('chat: sends the rules, the field and the terms that apply; reads a fenced JSON answer', async () => {
    const { r } = runner();
    fake.requests.length = 0;
    const out = await r.run(
      provider(),
      batch([seg('a', '뷁 토너', { terms: [{ source: '뷁', target: 'Bwek' }] })], { targetLang: 'es' }),
    );
    assert.equal(out.outputs.get('a'), 'Bwek toner');
    const body = fake.requests[0]!.body as {
      model: string;
      temperature: number;
      messages: { role: string; content: string }[];
    };
    assert.equal(body.temperature, 0);
    assert.match(body.messages[0]!.content, /from Korean to Spanish/);
    assert.match(body.messages[0]!.content, /\{\{1\}\}/);
    const payload = JSON.parse(body.messages[1]!.content) as {
      segments: { field: string; glossary: unknown[] }[];
    };
    assert.equal(payload.segments[0]!.field, 'title');
    assert.deepEqual(payload.segments[0]!.glossary, [{ source: '뷁', target: 'Bwek' }]);
  });

  test('chat: an answer that is not the JSON asked for splits the batch, then fails', async () => {
    const { r } = runner();
    fake.fail({ malformed: true }, { malformed: true }, { malformed: true });
    const out = await r.run(provider(), batch([seg('a', '토너'), seg('b', '세럼')]));
    assert.match(out.errors.get('a') ?? '', /^bad_response:/);
    assert.match(out.errors.get('b') ?? '', /^bad_response:/);
  });

  test('chat: a 400 is not retried', async () => {
    const { r } = runner();
    fake.fail({ status: 400 });
    const out = await r.run(provider(), batch([seg('a', '토너')]));
    assert.match(out.errors.get('a') ?? '', /^bad_request: openai 400: Bad request/);
    assert.equal(r.meter('openai').retries, 0);
  });
});

describe('Qwen-MT through the OpenAI-compatible provider', () => {
  let fake: FakeServer;
  before(async () => {
    fake = await startOpenAiFake({ apiKey: 'sk-qwen' });
  });
  after(() => fake.close());
  const provider = () =>
    new OpenAiCompatibleProvider({
      baseUrl: `${fake.url}/v1`,
      model: 'qwen-mt-plus',
      apiKey: 'sk-qwen',
      limits: FAST,
    });
  commonContract('qwen-mt', { provider, fake: () => fake });

  test('qwen-mt: one user message per segment, translation_options with terms and memory', async () => {
    const { r } = runner();
    fake.requests.length = 0;
    const out = await r.run(
      provider(),
      batch([
        seg('a', '뷁 크림 ⟦1⟧', {
          terms: [{ source: '뷁', target: 'Bwek' }],
          memory: [{ source: '수분 크림 ⟦1⟧', target: 'moisture cream ⟦1⟧' }],
        }),
        seg('b', '토너'),
      ]),
    );
    assert.equal(out.outputs.get('a'), 'Bwek cream ⟦1⟧');
    assert.equal(out.outputs.get('b'), 'toner');
    assert.equal(fake.requests.length, 2);
    const body = fake.requests[0]!.body as {
      messages: { role: string; content: string }[];
      translation_options: {
        source_lang: string;
        target_lang: string;
        terms: unknown[];
        tm_list: unknown[];
        domains: string;
      };
    };
    assert.deepEqual(body.messages, [{ role: 'user', content: '뷁 크림 {{1}}' }]);
    assert.equal(body.translation_options.source_lang, 'Korean');
    assert.equal(body.translation_options.target_lang, 'English');
    assert.deepEqual(body.translation_options.terms, [{ source: '뷁', target: 'Bwek' }]);
    assert.deepEqual(body.translation_options.tm_list, [
      { source: '수분 크림 {{1}}', target: 'moisture cream {{1}}' },
    ]);
    assert.match(body.translation_options.domains, /e-commerce/i);
  });
});

describe('DeepL provider', () => {
  let fake: DeepLFake;
  before(async () => {
    fake = await startDeepLFake({ apiKey: 'dl-key:fx', maxTexts: 3 });
  });
  after(() => fake.close());
  const provider = () => new DeepLProvider({ apiKey: 'dl-key:fx', baseUrl: fake.url, limits: FAST });
  commonContract('deepl', { provider, fake: () => fake });

  test('deepl: lists target languages once and answers supports() from them', async () => {
    const p = provider();
    fake.requests.length = 0;
    assert.equal(await p.supports('ko', 'en'), true);
    assert.equal(await p.supports('ko', 'th'), true);
    assert.equal(await p.supports('ko', 'si'), false);
    assert.equal(fake.requests.filter((r) => r.path.startsWith('/v2/languages')).length, 1);
  });

  test('deepl: XML tag handling carries placeholders; the glossary is created once and used', async () => {
    const p = provider();
    const { r } = runner();
    fake.requests.length = 0;
    const glossary = [{ source: '뷁', target: 'Bwek' }];
    const first = await r.run(p, batch([seg('a', '뷁 토너 ⟦1⟧ & ⟦2⟧')], { glossary }));
    assert.equal(first.outputs.get('a'), 'Bwek toner ⟦1⟧ & ⟦2⟧');
    const sent = fake.requests.find((q) => q.path === '/v2/translate')!.body as Record<string, unknown>;
    assert.deepEqual(sent.text, ['뷁 토너 <x id="1"/> &amp; <x id="2"/>']);
    assert.equal(sent.tag_handling, 'xml');
    assert.equal(sent.source_lang, 'KO');
    assert.equal(sent.target_lang, 'EN-US');
    assert.equal(sent.glossary_id, 'g-1');
    await r.run(p, batch([seg('b', '뷁')], { glossary }));
    await r.run(provider(), batch([seg('c', '뷁')], { glossary }));
    // Created once; a new provider instance finds it by name instead of creating another.
    assert.equal(fake.glossaries.length, 1);
    assert.equal(r.meter('deepl').billedCharacters, [...'뷁 토너 <x id="1"/> &amp; <x id="2"/>'].length + 2);
  });

  test('deepl: 456 quota exceeded is not retried', async () => {
    const { r } = runner();
    fake.fail({ status: 456, on: '/v2/translate' });
    const out = await r.run(provider(), batch([seg('a', '토너')]));
    assert.match(out.errors.get('a') ?? '', /^quota: deepl 456: Quota exceeded/);
    assert.equal(r.meter('deepl').retries, 0);
  });

  test('deepl: 413 too large halves the batch until it fits', async () => {
    const { r } = runner();
    const segments = ['토너', '세럼', '크림', '수분', '뷁'].map((t, i) => seg(String(i), t));
    const p = new DeepLProvider({ apiKey: 'dl-key:fx', baseUrl: fake.url, limits: { maxSegments: 50 } });
    const out = await r.run(p, batch(segments));
    assert.deepEqual([...out.outputs.values()].sort(), ['bwek', 'cream', 'moisture', 'serum', 'toner']);
    assert.equal(out.errors.size, 0);
  });
});

describe('runner', () => {
  test('splits work into batches within the segment and character limits', () => {
    const segs = ['가나다', '라마', '바사아자', '차', '카타파하'].map((t, i) => seg(String(i), t));
    const batches = ProviderRunner.batches(segs, 2, 5);
    assert.deepEqual(
      batches.map((b) => b.map((s) => s.id)),
      [['0', '1'], ['2', '3'], ['4']],
    );
  });

  test('spaces requests to the provider rate', async () => {
    let now = 0;
    const slept: number[] = [];
    const r = new ProviderRunner({ now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) });
    const p: TranslationProvider = {
      name: 'slow',
      limits: { maxSegments: 1, maxChars: 100, requestsPerSecond: 2, timeoutMs: 1000, maxRetries: 0 },
      supports: async () => true,
      translateBatch: async (b) => ({ outputs: b.segments.map((s) => ({ id: s.id, text: s.text })) }),
    };
    await r.run(p, batch([seg('a', 'x'), seg('b', 'y'), seg('c', 'z')]));
    assert.deepEqual(slept, [500, 500]);
  });
});
