import { useCallback, useEffect, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { forgetKey, keyFromSignInLink, savedKey, SessionGate, signIn, type Caller } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { I18nProvider, initialLang, useI18n } from './i18n/i18n';
import { Shell } from './layout/shell';
import { Loading } from './ui/feedback';
import { DashboardPage } from './dashboard/dashboard-page';
import { CatalogPage } from './catalog/catalog-page';
import { ProductPage } from './catalog/product-page';
import { TranslationsPage } from './translations/translations-page';
import { OrdersPage } from './orders/orders-page';
import { OrderPage } from './orders/order-page';
import { OperationsPage } from './operations/operations-page';

type State =
  | { phase: 'starting' }
  | { phase: 'signed-out'; notice?: 'signIn.linkUsed' | 'error.unauthenticated' }
  | { phase: 'signed-in'; caller: Caller };

export function App() {
  const [state, setState] = useState<State>({ phase: 'starting' });
  const signOut = useCallback((notice?: 'error.unauthenticated') => {
    forgetKey();
    setState({ phase: 'signed-out', notice });
  }, []);
  const accept = useCallback(
    async (key: string) => {
      const caller = await signIn(key, () => signOut('error.unauthenticated'));
      setState({ phase: 'signed-in', caller });
    },
    [signOut],
  );

  useEffect(() => {
    (async () => {
      let fromLink: string | undefined;
      try {
        fromLink = await keyFromSignInLink();
      } catch {
        setState({ phase: 'signed-out', notice: 'signIn.linkUsed' });
        return;
      }
      const key = fromLink ?? savedKey();
      if (!key) return setState({ phase: 'signed-out' });
      await accept(key).catch(() => signOut());
    })();
  }, [accept, signOut]);

  if (state.phase === 'starting') return null;
  const caller = state.phase === 'signed-in' ? state.caller : undefined;
  return (
    <I18nProvider initial={initialLang(caller?.role)} key={caller ? 'in' : 'out'}>
      <SessionGate
        session={caller && { caller, signOut: () => signOut() }}
        signIn={<SignedOut onKey={accept} notice={state.phase === 'signed-out' ? state.notice : undefined} />}
      >
        <Router hook={useHashLocation}>
          <Shell>
            <Switch>
              <Route path="/" component={DashboardPage} />
              <Route path="/catalog" component={CatalogPage} />
              <Route path="/catalog/:id">{(p) => <ProductPage id={p.id} />}</Route>
              <Route path="/translations" component={TranslationsPage} />
              <Route path="/orders" component={OrdersPage} />
              <Route path="/orders/:id">{(p) => <OrderPage id={p.id} />}</Route>
              <Route path="/operations" component={OperationsPage} />
              <Route>
                <Loading />
              </Route>
            </Switch>
          </Shell>
        </Router>
      </SessionGate>
    </I18nProvider>
  );
}

function SignedOut(props: {
  onKey: (key: string) => Promise<void>;
  notice: 'signIn.linkUsed' | 'error.unauthenticated' | undefined;
}) {
  const { t } = useI18n();
  return <SignInPage onKey={props.onKey} notice={props.notice && t(props.notice)} />;
}
