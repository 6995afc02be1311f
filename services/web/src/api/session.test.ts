import test from 'ava';
import { memoryStorage, Session, type TokenStorage } from './session.ts';

test('a session keeps the tokens in its storage and forgets them on clear', (t) => {
  const storage = memoryStorage();
  const session = new Session(storage);
  t.false(session.signedIn);
  session.save({ accessToken: 'a', refreshToken: 'r' });
  t.true(new Session(storage).signedIn, 'another Session over the same storage (a reload) sees the user signed in');
  session.clear();
  t.is(session.tokens, null);
});

test('expiry clears the tokens and tells each listener until it unsubscribes', (t) => {
  const session = new Session(memoryStorage());
  session.save({ accessToken: 'a', refreshToken: 'r' });
  let told = 0;
  const unsubscribe = session.onExpired(() => told++);
  session.expire();
  t.is(told, 1);
  t.false(session.signedIn);
  unsubscribe();
  session.expire();
  t.is(told, 1);
});

test('unreadable stored tokens count as signed out', (t) => {
  const storage: TokenStorage = memoryStorage();
  storage.setItem('ledgerline.session', '{not json');
  t.false(new Session(storage).signedIn);
  storage.setItem('ledgerline.session', JSON.stringify({ accessToken: 'only-one' }));
  t.false(new Session(storage).signedIn);
});
