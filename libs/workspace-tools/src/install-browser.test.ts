import test from 'ava';
import { E2E_BROWSER, e2eBrowserPath } from '@ledgerline/system-kit/e2e-browser';
import { ensureBrowser, type BrowserHost } from './install-browser.ts';

const SHELL = E2E_BROWSER.path; // /usr/bin/chromium-headless-shell

/** A machine as ensureBrowser sees it: which paths exist, root or not, apt-get or not, and what apt-get did. */
function host(over: Partial<BrowserHost> & { files?: string[]; installs?: string } = {}): BrowserHost & { apt: string[][] } {
  const files = new Set(over.files ?? []);
  const apt: string[][] = [];
  return {
    env: {},
    exists: (path) => files.has(path),
    isRoot: () => true,
    hasAptGet: () => true,
    aptGet: (args) => {
      apt.push(args);
      if (args[0] === 'install' && over.installs) files.add(over.installs);
      return true;
    },
    announce: () => {},
    ...over,
    apt,
  };
}

test('a present browser is used as is: nothing is installed', (t) => {
  const h = host({ files: [SHELL] });
  t.like(ensureBrowser(h), { ok: true, message: 'browser: /usr/bin/chromium-headless-shell is there' });
  t.deepEqual(h.apt, []);
});

test('as root with apt-get, a missing headless shell is installed from Debian once, even beside the full browser', (t) => {
  const h = host({ files: ['/usr/bin/chromium'], installs: SHELL });
  t.like(ensureBrowser(h), { ok: true, message: 'browser: installed at /usr/bin/chromium-headless-shell' });
  t.deepEqual(h.apt, [['update', '-qq'], ['install', '-y', '-qq', 'chromium-headless-shell']]);
});

test('without root, or without apt-get, it says what to run instead and installs nothing', (t) => {
  const notRoot = host({ isRoot: () => false });
  const check = ensureBrowser(notRoot);
  t.false(check.ok);
  t.regex(check.message, /needs root\. Run as root: apt-get update && apt-get install -y chromium-headless-shell/);
  t.deepEqual(notRoot.apt, []);
  const noApt = host({ hasAptGet: () => false });
  t.like(ensureBrowser(noApt), { ok: false });
  t.regex(ensureBrowser(noApt).message, /no apt-get .* set E2E_CHROMIUM_PATH/);
});

test('an install that leaves no browser behind is a failure, not a silent skip', (t) => {
  const check = ensureBrowser(host());
  t.false(check.ok);
  t.regex(check.message, /still missing/);
});

test('E2E_CHROMIUM_PATH picks another binary (which must exist); empty means Playwright’s own browser', (t) => {
  t.like(ensureBrowser(host({ env: { E2E_CHROMIUM_PATH: '/opt/chrome' }, files: ['/opt/chrome'] })), { ok: true });
  t.like(ensureBrowser(host({ env: { E2E_CHROMIUM_PATH: '/opt/chrome' } })), { ok: false });
  t.like(ensureBrowser(host({ env: { E2E_CHROMIUM_PATH: '' } })), { ok: true });
});

test('Playwright launches what ensureBrowser installs: the headless shell, E2E_CHROMIUM_PATH, or its own browser', (t) => {
  const present = (...files: string[]) => (path: string) => files.includes(path);
  t.is(e2eBrowserPath({}, present(SHELL, '/usr/bin/chromium')), SHELL);
  t.is(e2eBrowserPath({}, present('/usr/bin/chromium')), undefined, 'no shell: Playwright’s own browser, never a silent other binary');
  t.is(e2eBrowserPath({ E2E_CHROMIUM_PATH: '/usr/bin/chromium' }, present(SHELL)), '/usr/bin/chromium', 'the full browser on request (--headed)');
  t.is(e2eBrowserPath({ E2E_CHROMIUM_PATH: '' }, present(SHELL)), undefined);
});
