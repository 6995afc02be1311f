import test from 'ava';
import { createGatewayTestApp } from '../testing.ts';
import { DOCS_CSP } from './docs.routes.ts';

test('/api/docs is a page that loads the self-hosted renderer and the document, under its own CSP', async (t) => {
  const { http } = await createGatewayTestApp(t);
  const page = await http.get('/api/docs');
  t.is(page.status, 200);
  t.regex(page.type, /html/);
  t.regex(page.text, /<script src="\/api\/docs\/scalar\.js"><\/script>/);
  t.notRegex(page.text, /https?:\/\//, 'nothing from another origin');
  t.is(page.headers['content-security-policy'], DOCS_CSP);
  t.notRegex(DOCS_CSP, /script-src[^;]*unsafe/, 'scripts stay same-origin, never inline or eval');
  const init = await http.get('/api/docs/init.js');
  t.regex(init.text, /url: '\/api\/v1\/openapi\.json'/);
  const bundle = await http.get('/api/docs/scalar.js');
  t.is(bundle.status, 200);
  t.regex(bundle.type, /javascript/);
  t.true(Number(bundle.text.length) > 100_000);
  t.notRegex(bundle.text, /https:\/\/fonts\.scalar\.com\//, 'no web font from scalar.com: the CSP would refuse it, and it is not there offline');
});

test("the relaxed style policy is the docs page's alone: the API keeps the gateway's strict CSP", async (t) => {
  const { http } = await createGatewayTestApp(t);
  const api = await http.get('/api/v1/openapi.json');
  t.notRegex(api.headers['content-security-policy'] ?? '', /unsafe-inline/);
  t.regex(api.headers['content-security-policy'] ?? '', /default-src 'self'/);
});
