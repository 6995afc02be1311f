import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir } from '@ledgerline/test-kit';
import { createGatewayTestApp } from '../testing.ts';

function builtUi(t: { teardown(fn: () => unknown): void }) {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  mkdirSync(join(temp.dir, 'assets'));
  writeFileSync(join(temp.dir, 'index.html'), '<!doctype html><title>Ledgerline</title><div id="app"></div>');
  writeFileSync(join(temp.dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  return temp.dir;
}

test('the web UI is served at /, its assets with long caching, and client routes fall back to index.html', async (t) => {
  const { http } = await createGatewayTestApp(t, { webRoot: builtUi(t) });
  const root = await http.get('/');
  t.is(root.status, 200);
  t.regex(root.text, /Ledgerline/);
  const asset = await http.get('/assets/app-abc123.js');
  t.is(asset.status, 200);
  t.regex(asset.headers['cache-control'], /immutable/);
  const deepLink = await http.get('/portfolios/123');
  t.is(deepLink.status, 200);
  t.regex(deepLink.text, /Ledgerline/);
  t.is((await http.get('/assets/missing.js')).status, 404);
  t.is((await http.get('/api/v1/nothing')).status, 404);
  t.is((await http.get('/api/v1/nothing')).type, 'application/problem+json');
});
