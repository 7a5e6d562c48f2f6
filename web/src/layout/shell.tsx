import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { LanguageSwitch } from './language-switch';

const NAV: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.dashboard' },
  { path: '/catalog', label: 'nav.catalog' },
  { path: '/translations', label: 'nav.translations' },
  { path: '/orders', label: 'nav.orders' },
  { path: '/operations', label: 'nav.operations' },
];

/** Navigation on the left at desktop widths; a menu button on phones. */
export function Shell(props: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const who =
    session.caller.role === 'operator'
      ? t('role.operator')
      : t('role.seller', { id: session.caller.sellerId ?? '' });
  const active = (path: string) => (path === '/' ? location === '/' : location.startsWith(path));
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          ☰ <span className="sr-only">{t('nav.menu')}</span>
        </button>
        <span className="brand">{t('app.name')}</span>
        <span className="who" data-testid="who">
          {who}
        </span>
        <LanguageSwitch />
        <button type="button" className="link" onClick={session.signOut}>
          {t('nav.signOut')}
        </button>
      </header>
      <nav className={open ? 'sidebar open' : 'sidebar'} onClick={() => setOpen(false)}>
        {NAV.map((n) => (
          <Link key={n.path} href={n.path} className={active(n.path) ? 'active' : ''}>
            {t(n.label)}
          </Link>
        ))}
      </nav>
      <main className="content">{props.children}</main>
    </div>
  );
}
