import type { Em } from '@ledgerline/db-kit';
import { AppError } from '@ledgerline/http-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { deriveTransactionId, REPLAYED_HEADER, requestHash } from './idempotency.ts';
import { sendToPortfolio, type SendDeps } from './send-to-portfolio.ts';
import type { Transaction } from './transaction.entity.ts';
import type { TransactionInput } from './transaction-input.ts';
import { transactionRepository } from './transaction.repository.ts';

export interface Recorded {
  /** Its state now: completed (with the result) or pending (the portfolio service gave no answer in time). */
  transaction: Transaction;
  /** true when the key had been used for this same request before: the stored transaction is returned. */
  replayed: boolean;
}

export interface Caller {
  userId: string;
  requestId?: string;
}

const keyReused = () =>
  new AppError(422, 'idempotency_key_reused', 'Idempotency key reused', {
    detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new transaction.',
    errors: [{ field: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'Already used for a different request.' }],
  });

/** The portfolio's refusal of a rejected transaction, as the client gets it (again on a replay). */
function refusal(transaction: Transaction, replayed: boolean): AppError {
  const rejection = transaction.rejection!;
  return new AppError(rejection.status, rejection.code, rejection.title, {
    detail: rejection.detail ?? undefined,
    errors: rejection.errors ?? undefined,
    headers: replayed ? { [REPLAYED_HEADER]: 'true' } : undefined,
  });
}

/**
 * Records a transaction so that it is never half-recorded:
 * 1. the intent is stored first, `pending`, under its derived id (user + Idempotency-Key), claimed by this request
 *    (a key used before has the same id, so it fails the insert on the primary key and is answered as a replay);
 * 2. the portfolio service is asked to apply it (idempotent by id);
 * 3. it becomes `completed` with the result, or `rejected` on a definitive refusal (thrown to the client as the
 *    portfolio's problem, and kept for audit), or stays `pending` on an outage or timeout (the reconciler finishes it).
 * The same key with the same request returns the current state (a rejected one: its refusal again); with a
 * different request it is a 422.
 */
export async function recordTransaction(em: Em, deps: SendDeps, caller: Caller, idempotencyKey: string, input: TransactionInput): Promise<Recorded> {
  const hash = requestHash(input);
  const repository = transactionRepository(em);
  // A new key is the common case: the insert is tried first, and the primary key (derived from user and key) turns a
  // used key into a replay below — one read fewer per new transaction than looking the key up first.
  const now = deps.clock();
  const transaction: Transaction = {
    id: deriveTransactionId(caller.userId, idempotencyKey),
    userId: caller.userId,
    portfolioId: input.portfolioId,
    idempotencyKey,
    requestHash: hash,
    type: input.type,
    symbol: input.symbol,
    quantity: input.quantity,
    price: input.price,
    amount: input.amount,
    fees: input.fees,
    executedAt: input.executedAt ?? now,
    createdAt: now,
    status: 'pending',
    result: null,
    rejection: null,
    // This request's own attempt holds the claim, so the reconciler leaves the row alone while it is in flight.
    attempts: 1,
    nextAttemptAt: new Date(now.getTime() + deps.retry.leaseMs),
    settledAt: null,
  };
  try {
    await repository.insert(transaction);
  } catch (error) {
    // The key was used before (or raced in twice): the primary key keeps one row, and only its writer sends it.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await repository.findByKey(caller.userId, idempotencyKey);
    if (!winner) throw error;
    return replay(winner, hash);
  }
  const sent = await sendToPortfolio(em, deps, transaction, 1, { askFirst: false, requestId: caller.requestId });
  // The row holds what this attempt wrote when its conditional update hit it; otherwise another sender settled it
  // meanwhile, and only a read tells how. (The row is written by prepared statements, never by a flush.)
  const current = sent.written ? Object.assign(transaction, sent.written) : await repository.reload(transaction.id);
  if (current.status === 'rejected') throw refusal(current, false);
  return { transaction: current, replayed: false };
}

function replay(stored: Transaction, hash: string): Recorded {
  if (stored.requestHash !== hash) throw keyReused();
  if (stored.status === 'rejected') throw refusal(stored, true);
  return { transaction: stored, replayed: true };
}
