import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs (pino) to stderr, so stdout stays clean for `--json` output. Known secret
 * fields are redacted wherever they appear.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          '*.password',
          '*.secret',
          '*.token',
          '*.apiKey',
          '*.api_key',
          '*.access_token',
          '*.refresh_token',
          '*.authorization',
          'headers.authorization',
          'req.headers.authorization',
          '*.databaseUrl',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
