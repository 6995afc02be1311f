import { render } from 'preact';
import { GatewayClient } from './api/gateway-client.ts';
import { memoryStorage, Session, type TokenStorage } from './api/session.ts';
import { App } from './views/app.ts';
import { html } from './views/html.ts';
import './styles.css';

/** sessionStorage when the browser allows it (private modes may not), else memory. */
function browserStorage(): TokenStorage {
  try {
    const probe = '__ledgerline_probe__';
    window.sessionStorage.setItem(probe, probe);
    window.sessionStorage.removeItem(probe);
    return window.sessionStorage;
  } catch {
    return memoryStorage();
  }
}

const client = new GatewayClient('', { session: new Session(browserStorage()) });
const root = document.getElementById('app');
if (root) render(html`<${App} client=${client} />` as Parameters<typeof render>[0], root);
