import test from 'ava';
import { forGuestsOnly, matchRoute, needsSignIn, pathFor, type Route } from './router.ts';

test('each screen has its URL', (t) => {
  t.deepEqual(matchRoute('/'), { name: 'home' });
  t.deepEqual(matchRoute('/login'), { name: 'login' });
  t.deepEqual(matchRoute('/register'), { name: 'register' });
  t.deepEqual(matchRoute('/portfolios'), { name: 'portfolios' });
  t.deepEqual(matchRoute('/portfolios/abc-123'), { name: 'portfolio', id: 'abc-123' });
  t.deepEqual(matchRoute('/portfolios/abc-123/trade'), { name: 'trade', id: 'abc-123' });
  t.deepEqual(matchRoute('/portfolios/abc-123/history'), { name: 'history', id: 'abc-123' });
});

test('a trailing slash is ignored and ids are decoded', (t) => {
  t.deepEqual(matchRoute('/portfolios/'), { name: 'portfolios' });
  t.deepEqual(matchRoute('/portfolios/a%20b/history/'), { name: 'history', id: 'a b' });
});

test('anything else is a not-found screen', (t) => {
  t.deepEqual(matchRoute('/nope'), { name: 'not-found', path: '/nope' });
  t.deepEqual(matchRoute('/portfolios/abc/edit'), { name: 'not-found', path: '/portfolios/abc/edit' });
  t.deepEqual(matchRoute('/portfolios/%E0%A4%A'), { name: 'not-found', path: '/portfolios/%E0%A4%A' });
});

test('pathFor is the inverse of matchRoute', (t) => {
  const routes: Route[] = [{ name: 'login' }, { name: 'portfolios' }, { name: 'portfolio', id: 'x/y z' }, { name: 'trade', id: 'p1' }, { name: 'history', id: 'p1' }];
  for (const route of routes) t.deepEqual(matchRoute(pathFor(route)), route);
});

test('portfolio screens need a signed-in user; login and register are for guests', (t) => {
  t.true(needsSignIn({ name: 'history', id: 'p' }));
  t.false(needsSignIn({ name: 'login' }));
  t.true(forGuestsOnly({ name: 'register' }));
  t.false(forGuestsOnly({ name: 'portfolios' }));
});

test('the profile and admin screens have their URLs and need a signed-in user', (t) => {
  t.deepEqual(matchRoute('/profile'), { name: 'profile' });
  t.deepEqual(matchRoute('/admin/'), { name: 'admin' });
  for (const route of [{ name: 'profile' }, { name: 'admin' }] as Route[]) {
    t.deepEqual(matchRoute(pathFor(route)), route);
    t.true(needsSignIn(route));
    t.false(forGuestsOnly(route));
  }
});
