import test from 'ava';
import { discoverServices } from './discover.ts';

test('npm start discovers the services that have a serve script, auth first', (t) => {
  const names = discoverServices().map((service) => service.name);
  t.true(names.includes('auth'));
  t.is(names[0], 'auth');
});
