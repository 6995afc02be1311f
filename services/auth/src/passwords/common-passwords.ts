/**
 * A small list of the most common passwords that are at least 12 characters long (from public breach
 * corpora). Compared case-insensitively, also with trailing digits and symbols removed.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'qwertyuiop12', 'qwertyuiop123',
  '123456789012', '1234567890123', 'abcdefghijkl', 'iloveyou1234', 'welcome12345', 'letmein12345',
  'administrator', 'administrator1', 'qwerty123456', '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'aaaaaaaaaaaa',
  'football1234', 'baseball1234', 'superman1234', 'sunshine1234', 'princess1234', 'trustno1trustno1',
  'changeme1234', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'letmeinplease', 'correcthorsebatterystaple',
  'monkeymonkey', 'dragondragon', 'masterpassword', 'ledgerline123', 'ledgerline1234', 'mypassword123',
  'secretpassword', 'password', 'qwertyuiop', 'welcome', 'letmein', 'iloveyou', 'admin', 'changeme',
]);
