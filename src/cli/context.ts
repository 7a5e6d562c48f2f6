import type { Config } from '../config/index.ts';
import type { App } from '../main/app.ts';

/**
 * What a CLI command may use. The app (database, queue) is opened lazily, so pure commands such
 * as `units parse` or `marketplace sign` start fast and touch no store.
 */
export interface CliContext {
  config: Config;
  /** Opens the store (and runs migrations) on first use; closed by the CLI on exit. */
  app(): Promise<App>;
}
