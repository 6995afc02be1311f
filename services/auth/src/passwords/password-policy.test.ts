import test from 'ava';
import { checkPassword } from './password-policy.ts';

const codes = (password: string, email = 'pat@example.com') => checkPassword(password, email).map((e) => e.code);

test('a long password with three classes that is neither common nor the email passes', (t) => {
  t.deepEqual(codes('Blue-Harbour-Lamp'), []);
  t.deepEqual(codes('correct horse battery 9'), []);
});

test('exactly 12 characters is enough, 11 is not (counting characters, not bytes)', (t) => {
  t.deepEqual(codes('Abcdefgh-12x'.slice(0, 12)), []);
  t.deepEqual(codes('Abcdefgh-12'), ['password_too_short']);
  t.deepEqual(codes('Ünïcødé-Päss'), [], 'twelve characters even though more bytes');
});

test('every broken rule is reported, not only the first', (t) => {
  t.deepEqual(codes('password'), ['password_too_short', 'password_too_few_classes', 'password_too_common']);
});

test('common passwords are caught case-insensitively and with decorations stripped', (t) => {
  t.true(codes('PASSWORD1234').includes('password_too_common'));
  t.true(codes('!!Qwertyuiop123').includes('password_too_common'));
});

test('the email, or its name part inside the password, is refused', (t) => {
  t.deepEqual(codes('Pat@Example.com', 'pat@example.com'), ['password_same_as_email']);
  t.true(codes('MyName-Is-Patricia9', 'patricia@example.com').includes('password_same_as_email'));
  t.deepEqual(codes('Sun-Rise-Over-Ab1', 'ab@example.com'), [], 'a very short name part is not matched everywhere');
});

test('more than 128 characters is refused', (t) => {
  t.deepEqual(codes(`Aa1-${'x'.repeat(125)}`), ['password_too_long']);
});
