import { createContext, useContext, type ReactNode } from 'react';
import { api, ok, setApiKey } from '../api/client';

export interface Caller {
  role: 'operator' | 'seller';
  sellerId: string | null;
}

export interface Session {
  caller: Caller;
  signOut(): void;
}

const KEY_STORAGE = 'kbridge.apiKey';

/** The key kept from the last sign-in on this browser, if any. */
export function savedKey(): string | undefined {
  return localStorage.getItem(KEY_STORAGE) ?? undefined;
}

/** Checks a key with the API (GET /v1/me) and, when accepted, keeps it for the next visit. */
export async function signIn(key: string, whenRejected: () => void): Promise<Caller> {
  setApiKey(key, whenRejected);
  const me = await ok(api.GET('/v1/me'));
  localStorage.setItem(KEY_STORAGE, key);
  return me;
}

export function forgetKey(): void {
  localStorage.removeItem(KEY_STORAGE);
  setApiKey(undefined);
}

/**
 * A sign-in link (`?code=…`, printed by `npm start`) carries a one-time code, never the key: the
 * code is exchanged once for the key and removed from the address bar.
 */
export async function keyFromSignInLink(): Promise<string | undefined> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  if (!code) return undefined;
  window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  const res = await fetch('/auth/sign-in-link', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  if (!res.ok) throw new Error('link');
  return ((await res.json()) as { key: string }).key;
}

const Context = createContext<Session | undefined>(undefined);
export const SessionProvider = Context.Provider;

export function useSession(): Session {
  const s = useContext(Context);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function isOperator(s: Session): boolean {
  return s.caller.role === 'operator';
}

export function SessionGate(props: { session: Session | undefined; children: ReactNode; signIn: ReactNode }) {
  return props.session ? (
    <Context.Provider value={props.session}>{props.children}</Context.Provider>
  ) : (
    props.signIn
  );
}
