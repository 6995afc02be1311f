/**
 * The password policy pinned at every edge: each character class alone, in pairs and in threes; the exact
 * minimum and maximum (in characters, not UTF-16 units); the email rule at its minimum length; every entry of
 * the deny-list (a literal table: dropping an entry from the list fails here), also wrapped in digits and
 * symbols; and each rule's message, as the user reads it.
 */
import test from 'ava';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

const EMAIL = 'pat@example.com';
const codes = (password: string, email = EMAIL) => checkPassword(password, email).map((error) => error.code);

/** Two characters of each class, none forming a word. */
const SAMPLES = { lower: 'kq', upper: 'KQ', digit: '73', symbol: '#%' } as const;
type CharClass = keyof typeof SAMPLES;

/** A 14-character password made only of the given classes. */
function madeOf(classes: CharClass[]): string {
  const pool = classes.map((name) => SAMPLES[name]).join('');
  return Array.from({ length: 14 }, (_, i) => pool[i % pool.length]).join('');
}

function combinations(size: number, from: CharClass[] = ['lower', 'upper', 'digit', 'symbol']): CharClass[][] {
  if (size === 0) return [[]];
  return from.flatMap((first, i) => combinations(size - 1, from.slice(i + 1)).map((rest) => [first, ...rest]));
}

test('one or two character classes are too few, whichever they are; any three or all four are enough', (t) => {
  for (const size of [1, 2]) {
    for (const classes of combinations(size)) t.deepEqual(codes(madeOf(classes)), ['password_too_few_classes'], classes.join(' + '));
  }
  for (const size of [3, 4]) {
    for (const classes of combinations(size)) t.deepEqual(codes(madeOf(classes)), [], classes.join(' + '));
  }
  t.deepEqual(codes('kqkqkqkqkqKQé'), [], 'a letter outside A–Z counts as a symbol');
});

test('length is counted in characters: 11 is short, 12 and 128 are fine, 129 is long', (t) => {
  const of = (length: number) => `Kq7#${'x'.repeat(length - 4)}`;
  t.deepEqual(codes(of(PASSWORD_MIN_LENGTH - 1)), ['password_too_short']);
  t.deepEqual(codes(of(PASSWORD_MIN_LENGTH)), []);
  t.deepEqual(codes(of(PASSWORD_MAX_LENGTH)), []);
  t.deepEqual(codes(of(PASSWORD_MAX_LENGTH + 1)), ['password_too_long']);
  t.deepEqual(codes('Kq7#xxxxxxx😀'), [], '11 letters and an emoji are 12 characters (13 UTF-16 units)');
  t.deepEqual(codes('Kq7#xxxxxx😀'), ['password_too_short'], '10 letters and an emoji are 11 characters, though 12 UTF-16 units');
});

test('the email rule: the whole address in any case, or a name part of 4 or more characters anywhere; 3 characters are not matched', (t) => {
  t.deepEqual(codes('PAT@Example.COM', ' pat@example.com'), ['password_same_as_email'], 'the address itself, any case, the email trimmed');
  t.deepEqual(codes('#1 pat@example.com!', 'pat@example.com'), ['password_same_as_email'], 'the whole address inside, even when its name part is short');
  t.deepEqual(codes('Sunny-anna-Day-7', 'anna@example.com'), ['password_same_as_email'], 'a 4-character name part inside');
  t.deepEqual(codes('Sunny-ANNA-Day-7', 'Anna@example.com'), ['password_same_as_email'], 'in any case');
  t.deepEqual(codes('Sunny-ann-Day-77', 'ann@example.com'), [], 'a 3-character name part is too common a syllable to refuse');
  t.deepEqual(codes('Sunny-Ann-Day-77', 'anna@example.com'), [], 'part of the name part is fine');
});

// Every entry of the deny-list (common-passwords.ts), written out: removing one from the list fails this table.
const DENY_LIST = [
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'qwertyuiop12', 'qwertyuiop123',
  '123456789012', '1234567890123', 'abcdefghijkl', 'iloveyou1234', 'welcome12345', 'letmein12345',
  'administrator', 'administrator1', 'qwerty123456', '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'aaaaaaaaaaaa',
  'football1234', 'baseball1234', 'superman1234', 'sunshine1234', 'princess1234', 'trustno1trustno1',
  'changeme1234', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'letmeinplease', 'correcthorsebatterystaple',
  'monkeymonkey', 'dragondragon', 'masterpassword', 'ledgerline123', 'ledgerline1234', 'mypassword123',
  'secretpassword', 'password', 'qwertyuiop', 'welcome', 'letmein', 'iloveyou', 'admin', 'changeme',
];

test('every deny-listed password is refused as too common, in any case', (t) => {
  for (const entry of DENY_LIST) {
    t.true(codes(entry).includes('password_too_common'), entry);
    t.true(codes(entry.toUpperCase()).includes('password_too_common'), entry.toUpperCase());
  }
});

test('a common word wrapped in digits and symbols is still common; a word inside other letters is not', (t) => {
  for (const wrapped of ['2024!Password!!', '!!Welcome2024##', '0000Letmein0000', 'Changeme!!!!!!', '#1Iloveyou#1', '99Admin-2024-!!', 'Qwertyuiop!2024']) {
    t.true(codes(wrapped).includes('password_too_common'), wrapped);
  }
  t.deepEqual(codes('Xpassword-2024!'), [], 'a letter before the word makes it another word');
  t.deepEqual(codes('Admin-Harbour-9'), [], 'a common word as one part of a longer phrase is fine');
});

test('each rule has one message, as the user reads it under the password field', (t) => {
  const messages = (password: string, email = EMAIL) => Object.fromEntries(checkPassword(password, email, 'newPassword').map((e) => [e.code, [e.field, e.message]]));
  t.deepEqual(messages('kq7'), {
    password_too_short: ['newPassword', 'At least 12 characters'],
    password_too_few_classes: ['newPassword', 'At least 3 of: lower-case, upper-case, digits, symbols'],
  });
  t.deepEqual(messages(`Kq7#${'x'.repeat(200)}`), { password_too_long: ['newPassword', 'At most 128 characters'] });
  t.deepEqual(messages('Pat@Example.com'), { password_same_as_email: ['newPassword', 'Not your email address (or its name part)'] });
  t.deepEqual(messages('Password1234'), { password_too_common: ['newPassword', 'Not a commonly used password'] });
});
