export { createApiApp, openApiDocument } from './app.ts';
export { startApiServer, type RunningServer } from './server.ts';
export {
  createApiKey,
  revokeApiKey,
  scopeForKey,
  type ApiRole,
  type CreatedApiKey,
} from './auth/api-keys.ts';
