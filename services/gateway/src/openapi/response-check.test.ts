import test from 'ava';
import { createResponseChecker } from './response-check.ts';

const check = createResponseChecker();
const portfolio = { id: 'p1', name: 'Growth', baseCurrency: 'USD', description: null, cash: '100.00', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

test('a response as documented passes', (t) => {
  t.is(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 200, contentType: 'application/json; charset=utf-8', body: portfolio }), undefined);
  t.is(check({ method: 'DELETE', path: '/api/v1/portfolios/p1', status: 204, body: '' }), undefined);
  t.is(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 404, contentType: 'application/problem+json', body: { type: 'x', title: 'Not found', status: 404, code: 'not_found' } }), undefined);
});

test('a body that violates the document is named: a missing field, a wrong type, a field it does not allow', (t) => {
  const { cash: _cash, ...withoutCash } = portfolio;
  t.regex(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 200, contentType: 'application/json', body: withoutCash }) ?? '', /must have required property 'cash'/);
  t.regex(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 200, contentType: 'application/json', body: { ...portfolio, cash: 100 } }) ?? '', /body\/cash must be string/);
  t.regex(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 200, contentType: 'application/json', body: { ...portfolio, ownerId: 'u1' } }) ?? '', /must NOT have additional properties/);
});

test('an undocumented status, content type or route is named', (t) => {
  t.regex(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 418, contentType: 'application/json', body: {} }) ?? '', /status is not in the OpenAPI document/);
  t.regex(check({ method: 'GET', path: '/api/v1/portfolios/p1', status: 200, contentType: 'text/html', body: '' }) ?? '', /content type text\/html is not documented/);
  t.regex(check({ method: 'GET', path: '/api/v1/nowhere', status: 200, contentType: 'application/json', body: {} }) ?? '', /path is not in the OpenAPI document/);
});
