import type { ComponentChildren } from 'preact';
import type { User } from '@ledgerline/api-schemas';
import { isAdmin } from '../lib/admin.ts';
import { html, type View } from './html.ts';
import { Link } from './ui.ts';

/** The top bar: brand, navigation and log out for a signed-in user; log in / register links otherwise. */
export function Layout(props: { signedIn: boolean; me: User | null; onLogout: () => void; children?: ComponentChildren }): View {
  const { me } = props;

  return html`
    <div class="shell">
      <header class="topbar">
        <div class="topbar-inner">
          <${Link} href=${props.signedIn ? '/portfolios' : '/login'} class="brand" testid="brand">
            <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true"><rect x="2" y="12" width="4" height="10" rx="1" fill="#60a5fa" /><rect x="10" y="7" width="4" height="15" rx="1" fill="#93c5fd" /><rect x="18" y="2" width="4" height="20" rx="1" fill="#dbeafe" /></svg>
            Ledgerline
          <//>
          <nav class="topnav" aria-label="Main">
            ${props.signedIn
              ? html`
                <${Link} href="/portfolios" testid="nav-portfolios">Portfolios<//>
                ${isAdmin(me) && html`<${Link} href="/admin" testid="nav-admin">Admin<//>`}
                ${me && html`<${Link} href="/profile" class="user" testid="nav-user">${me.fullName}<//>`}
                <button type="button" class="button small ghost" data-testid="logout" onClick=${props.onLogout}>Log out</button>`
              : html`
                <${Link} href="/login" testid="nav-login">Log in<//>
                <${Link} href="/register" testid="nav-register">Register<//>`}
          </nav>
        </div>
      </header>
      <main class="content">${props.children}</main>
    </div>
  `;
}

/** Any URL the app does not know. */
export function PageNotFound(): View {
  return html`
    <section class="empty-state" data-testid="page-not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <${Link} href="/portfolios" class="button">Go to your portfolios<//>
    </section>
  `;
}
