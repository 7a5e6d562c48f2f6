/**
 * A fake OpenAI-compatible chat-completions server (the protocol vLLM, Ollama, llama.cpp and
 * DashScope's compatible mode speak): bearer auth, /v1/chat/completions, OpenAI-shaped errors
 * ({"error": {"message", "type", "code"}}), chat answers in the JSON the provider asks for, and
 * Qwen-MT's contract (one user message, `translation_options` with languages, terms, tm_list).
 */
import { fakeTranslate, json, startFakeServer, type FakeServer } from './fake-server.ts';

interface ChatBody {
  model?: string;
  messages?: { role: string; content: string }[];
  translation_options?: {
    source_lang?: string;
    target_lang?: string;
    terms?: { source: string; target: string }[];
    tm_list?: { source: string; target: string }[];
  };
}

export async function startOpenAiFake(options: { apiKey?: string } = {}): Promise<FakeServer> {
  return startFakeServer(
    (req, res) => {
      if (req.method !== 'POST' || req.path !== '/v1/chat/completions') {
        json(res, 404, {
          error: {
            message: `Unknown request URL: ${req.method} ${req.path}`,
            type: 'invalid_request_error',
            code: 'unknown_url',
          },
        });
        return;
      }
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        json(res, 401, {
          error: {
            message: 'Incorrect API key provided',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        });
        return;
      }
      const body = req.body as ChatBody;
      const messages = body.messages ?? [];
      let content: string;
      if (body.model?.startsWith('qwen-mt')) {
        const opts = body.translation_options;
        if (
          messages.length !== 1 ||
          messages[0]?.role !== 'user' ||
          !opts?.source_lang ||
          !opts.target_lang
        ) {
          json(res, 400, {
            error: {
              message: 'translation_options and a single user message are required',
              type: 'invalid_request_error',
              code: 'InvalidParameter',
            },
          });
          return;
        }
        const terms = Object.fromEntries((opts.terms ?? []).map((t) => [t.source, t.target]));
        content = fakeTranslate(messages[0].content, terms);
      } else {
        const system = messages.find((m) => m.role === 'system')?.content ?? '';
        const user = messages.find((m) => m.role === 'user')?.content ?? '{}';
        if (!system.includes('JSON')) {
          json(res, 400, {
            error: { message: 'expected a system prompt', type: 'invalid_request_error', code: null },
          });
          return;
        }
        const payload = JSON.parse(user) as {
          segments: { id: string; text: string; glossary?: { source: string; target: string }[] }[];
        };
        const translations = payload.segments.map((s) => ({
          id: s.id,
          text: fakeTranslate(
            s.text,
            Object.fromEntries((s.glossary ?? []).map((g) => [g.source, g.target])),
          ),
        }));
        content = '```json\n' + JSON.stringify({ translations }) + '\n```';
      }
      json(res, 200, {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      });
    },
    (status) => ({
      error: {
        message:
          status === 429
            ? 'Rate limit reached for requests'
            : status >= 500
              ? 'The server had an error while processing your request'
              : 'Bad request',
        type: status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error',
        code: status === 429 ? 'rate_limit_exceeded' : null,
      },
    }),
  );
}
