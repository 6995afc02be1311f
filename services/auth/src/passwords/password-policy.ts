import type { FieldError } from '@ledgerline/http-kit';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

/** The rules, as the web UI shows them (also served at GET /auth/password-policy). */
export const PASSWORD_RULES = [
  { code: 'too_short', text: `At least ${PASSWORD_MIN_LENGTH} characters` },
  { code: 'too_long', text: `At most ${PASSWORD_MAX_LENGTH} characters` },
  { code: 'too_few_classes', text: `At least ${PASSWORD_MIN_CLASSES} of: lower-case, upper-case, digits, symbols` },
  { code: 'same_as_email', text: 'Not your email address (or its name part)' },
  { code: 'too_common', text: 'Not a commonly used password' },
] as const;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

function textOf(code: (typeof PASSWORD_RULES)[number]['code']): string {
  return PASSWORD_RULES.find((rule) => rule.code === code)!.text;
}

/** Every rule the password breaks, as field errors on `field` (empty when it is acceptable). */
export function checkPassword(password: string, email: string, field = 'password'): FieldError[] {
  const broken: Array<(typeof PASSWORD_RULES)[number]['code']> = [];
  const chars = [...password].length;
  if (chars < PASSWORD_MIN_LENGTH) broken.push('too_short');
  if (chars > PASSWORD_MAX_LENGTH) broken.push('too_long');
  if (CLASSES.filter((pattern) => pattern.test(password)).length < PASSWORD_MIN_CLASSES) broken.push('too_few_classes');
  const lower = password.toLowerCase();
  const normalisedEmail = email.trim().toLowerCase();
  const localPart = normalisedEmail.split('@')[0] ?? '';
  if (lower.includes(normalisedEmail) || (localPart.length >= 4 && lower.includes(localPart))) broken.push('same_as_email');
  const stripped = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped)) broken.push('too_common');
  return broken.map((code) => ({ field, code: `password_${code}`, message: textOf(code) }));
}
