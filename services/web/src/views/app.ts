import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { GatewayClient } from '../api/gateway-client.ts';
import { SESSION_EXPIRED_MESSAGE } from '../api/session.ts';
import { LOGIN_MESSAGES } from '../lib/messages.ts';
import { forGuestsOnly, matchRoute, needsSignIn } from '../lib/router.ts';
import { AppContext, type Navigate } from './context.ts';
import type { User } from '@ledgerline/api-schemas';
import { AdminPage } from './admin-page.ts';
import { HistoryPage } from './history-page.ts';
import { html, type View } from './html.ts';
import { Layout, PageNotFound } from './layout.ts';
import { LoginPage } from './login-page.ts';
import { PortfolioPage } from './portfolio-page.ts';
import { PortfoliosPage } from './portfolios-page.ts';
import { ProfilePage } from './profile-page.ts';
import { RegisterPage } from './register-page.ts';
import { TradePage } from './trade-page.ts';

/** The browser app: History API routing, sign-in guard, session-expiry handling. */
export function App({ client }: { client: GatewayClient }): View {
  const [path, setPath] = useState(() => window.location.pathname);
  const [signedIn, setSignedIn] = useState(() => client.session.signedIn);
  const [sessionMessage, setSessionMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [me, setMe] = useState<User | null>(null);

  // The signed-in user (name in the top bar, admin link for admins); cleared when nobody is signed in.
  useEffect(() => {
    if (!signedIn) return setMe(null);
    let current = true;
    client.me().then((user) => current && setMe(user), () => undefined);
    return () => {
      current = false;
    };
  }, [client, signedIn]);

  const navigate = useCallback<Navigate>((to, options = {}) => {
    if (to !== window.location.pathname + window.location.search) {
      if (options.replace) window.history.replaceState(null, '', to);
      else window.history.pushState(null, '', to);
    }
    setPath(new URL(to, window.location.origin).pathname);
    window.scrollTo(0, 0);
  }, []);

  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => client.session.onExpired(() => {
    setSignedIn(false);
    setNotice(null);
    setSessionMessage(SESSION_EXPIRED_MESSAGE);
    const here = window.location.pathname;
    setReturnTo(needsSignIn(matchRoute(here)) ? here : null);
    navigate('/login', { replace: true });
  }), [client, navigate]);

  const route = matchRoute(path);
  const redirect = !signedIn && (needsSignIn(route) || route.name === 'home') ? '/login' : signedIn && forGuestsOnly(route) ? '/portfolios' : null;

  useEffect(() => {
    if (!redirect) return;
    if (redirect === '/login' && route.name !== 'home') setReturnTo(path);
    navigate(redirect, { replace: true });
  }, [redirect]);

  const onSignedIn = () => {
    setSignedIn(true);
    setSessionMessage(null);
    setNotice(null);
    const target = returnTo ?? '/portfolios';
    setReturnTo(null);
    navigate(target, { replace: true });
  };

  const onLogout = async () => {
    try {
      await client.logout();
    } catch {
      // the tokens are gone locally whatever the server said
    }
    setSignedIn(false);
    setSessionMessage(null);
    setReturnTo(null);
    setNotice(LOGIN_MESSAGES.loggedOut);
    navigate('/login');
  };

  const context = useMemo(() => ({ client, navigate }), [client, navigate]);

  let screen: View = null;
  if (!redirect) {
    switch (route.name) {
      case 'login': screen = html`<${LoginPage} sessionMessage=${sessionMessage} notice=${notice} onSignedIn=${onSignedIn} />`; break;
      case 'register': screen = html`<${RegisterPage} onSignedIn=${onSignedIn} />`; break;
      case 'portfolios': screen = html`<${PortfoliosPage} />`; break;
      case 'profile': screen = html`<${ProfilePage} onSaved=${setMe} />`; break;
      case 'admin': screen = html`<${AdminPage} me=${me} />`; break;
      case 'portfolio': screen = html`<${PortfolioPage} key=${route.id} id=${route.id} />`; break;
      case 'trade': screen = html`<${TradePage} key=${route.id} id=${route.id} />`; break;
      case 'history': screen = html`<${HistoryPage} key=${route.id} id=${route.id} />`; break;
      case 'home': screen = null; break;
      case 'not-found': screen = html`<${PageNotFound} />`; break;
    }
  }

  return html`
    <${AppContext.Provider} value=${context}>
      <${Layout} signedIn=${signedIn} me=${me} onLogout=${onLogout}>${screen}<//>
    <//>
  `;
}
