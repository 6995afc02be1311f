import { createHash, randomUUID } from 'node:crypto';
import { validationFailed } from '@ledgerline/http-kit';
import type { TransactionInput } from './transaction-input.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,100}$/;
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** The caller's Idempotency-Key, or a random one when none was sent (then a retry is a new transaction). */
export function idempotencyKeyFrom(header: string | string[] | undefined): string {
  if (header === undefined) return randomUUID();
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw validationFailed(
      [{ field: 'Idempotency-Key', code: 'invalid_idempotency_key', message: 'Use 1–100 characters A–Z, a–z, 0–9, "_", ".", ":" or "-".' }],
      'The Idempotency-Key header is not valid.',
    );
  }
  return header;
}

/**
 * The transaction id for (user, key): UUID-shaped (version 8, RFC 9562) from a SHA-256, so a retry after a
 * timeout sends the portfolio service the same id and its idempotency protects against a double application.
 */
export function deriveTransactionId(userId: string, idempotencyKey: string): string {
  const bytes = createHash('sha256').update(JSON.stringify(['ledgerline-transaction', userId, idempotencyKey])).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fingerprint of the request as sent (normalised), to tell a retry from a different request under one key. */
export function requestHash(input: TransactionInput): string {
  const canonical = [input.portfolioId, input.type, input.symbol, input.quantity, input.price, input.amount, input.fees, input.executedAt?.toISOString() ?? null];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
