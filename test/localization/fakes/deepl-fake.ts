/**
 * A fake DeepL API (v2): `DeepL-Auth-Key` auth, /v2/languages, /v2/glossary-language-pairs,
 * /v2/glossaries (list, create from TSV), /v2/translate with XML tag handling (`<x id="1"/>`
 * elements kept), glossaries applied, billed characters, and DeepL's error statuses (403 wrong key,
 * 413 too large, 429 too many requests, 456 quota exceeded, 5xx) with `{"message": …}` bodies.
 */
import { fakeTranslate, json, startFakeServer, type FakeServer } from './fake-server.ts';

export interface DeepLFake extends FakeServer {
  glossaries: { glossary_id: string; name: string; entries: Record<string, string> }[];
}

const TARGETS = ['EN-US', 'EN-GB', 'ES', 'PT-PT', 'PT-BR', 'ID', 'TH', 'VI', 'KO'];

export async function startDeepLFake(options: { apiKey: string; maxTexts?: number }): Promise<DeepLFake> {
  const glossaries: DeepLFake['glossaries'] = [];
  const server = await startFakeServer(
    (req, res) => {
      if (req.headers.authorization !== `DeepL-Auth-Key ${options.apiKey}`) {
        json(res, 403, { message: 'Wrong endpoint or authorization key' });
        return;
      }
      if (req.method === 'GET' && req.path.startsWith('/v2/languages')) {
        json(
          res,
          200,
          TARGETS.map((language) => ({ language, name: language, supports_formality: false })),
        );
        return;
      }
      if (req.method === 'GET' && req.path === '/v2/glossary-language-pairs') {
        json(res, 200, {
          supported_languages: [
            { source_lang: 'ko', target_lang: 'en' },
            { source_lang: 'en', target_lang: 'es' },
          ],
        });
        return;
      }
      if (req.method === 'GET' && req.path === '/v2/glossaries') {
        json(res, 200, {
          glossaries: glossaries.map((g) => ({ glossary_id: g.glossary_id, name: g.name, ready: true })),
        });
        return;
      }
      if (req.method === 'POST' && req.path === '/v2/glossaries') {
        const b = req.body as {
          name?: string;
          source_lang?: string;
          target_lang?: string;
          entries?: string;
          entries_format?: string;
        };
        if (!b.name || !b.source_lang || !b.target_lang || b.entries_format !== 'tsv' || !b.entries) {
          json(res, 400, {
            message: 'Bad request',
            detail: 'name, source_lang, target_lang, entries and entries_format are required',
          });
          return;
        }
        const entries = Object.fromEntries(
          b.entries.split('\n').map((l) => l.split('\t') as [string, string]),
        );
        const g = { glossary_id: `g-${glossaries.length + 1}`, name: b.name, entries };
        glossaries.push(g);
        json(res, 201, {
          glossary_id: g.glossary_id,
          name: g.name,
          ready: true,
          source_lang: b.source_lang,
          target_lang: b.target_lang,
          creation_time: '2026-11-25T00:00:00Z',
          entry_count: Object.keys(entries).length,
        });
        return;
      }
      if (req.method === 'POST' && req.path === '/v2/translate') {
        const b = req.body as {
          text?: string[];
          target_lang?: string;
          source_lang?: string;
          tag_handling?: string;
          glossary_id?: string;
        };
        if (!Array.isArray(b.text) || !b.target_lang) {
          json(res, 400, { message: "Value for 'target_lang' not supported." });
          return;
        }
        if (b.text.length > (options.maxTexts ?? 50)) {
          json(res, 413, { message: 'Request Entity Too Large' });
          return;
        }
        if (b.glossary_id && !b.source_lang) {
          json(res, 400, { message: 'Use of a glossary requires the source_lang parameter to be set.' });
          return;
        }
        const g = glossaries.find((x) => x.glossary_id === b.glossary_id);
        json(res, 200, {
          translations: b.text.map((t) => ({
            detected_source_language: b.source_lang ?? 'KO',
            text: fakeTranslate(t, g?.entries ?? {}),
            billed_characters: [...t].length,
          })),
        });
        return;
      }
      json(res, 404, { message: 'Not found' });
    },
    (status) => ({
      message:
        status === 456
          ? 'Quota exceeded. The character limit has been reached.'
          : status === 429
            ? 'Too many requests. Please wait and resend your request.'
            : status === 413
              ? 'Request Entity Too Large'
              : 'Internal server error',
    }),
  );
  return Object.assign(server, { glossaries });
}
