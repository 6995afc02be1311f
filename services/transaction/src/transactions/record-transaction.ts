import type { Em } from '@ledgerline/db-kit';
import { AppError } from '@ledgerline/http-kit';
import type { ApplyTradeRequest, CallContext, PortfolioClient } from '@ledgerline/portfolio-client';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { deriveTransactionId, requestHash } from './idempotency.ts';
import { Transaction } from './transaction.entity.ts';
import type { TransactionInput } from './transaction-input.ts';
import { transactionRepository } from './transaction.repository.ts';

export interface Recorded {
  transaction: Transaction;
  /** true when the key had been used for this same request before: the stored transaction is returned. */
  replayed: boolean;
}

export interface Caller extends CallContext {
  userId: string;
}

const keyReused = () =>
  new AppError(422, 'idempotency_key_reused', 'Idempotency key reused', {
    detail: 'This Idempotency-Key was already used for a different request. Use a new key for a new transaction.',
    errors: [{ field: 'Idempotency-Key', code: 'idempotency_key_reused', message: 'Already used for a different request.' }],
  });

/**
 * Records a transaction: a stored one with the same key is replayed (or refused if the request differs);
 * otherwise the portfolio service applies it first and only then is it stored, so a refusal, an outage or a
 * timeout leaves nothing behind, and a retry with the same key sends the same transaction id.
 */
export async function recordTransaction(em: Em, portfolio: PortfolioClient, caller: Caller, idempotencyKey: string, input: TransactionInput, now: Date): Promise<Recorded> {
  const hash = requestHash(input);
  const stored = await transactionRepository(em).findByKey(caller.userId, idempotencyKey);
  if (stored) return replay(stored, hash);

  const id = deriveTransactionId(caller.userId, idempotencyKey);
  const executedAt = input.executedAt ?? now;
  const result = await portfolio.applyTrade(toTradeRequest(id, input, executedAt), { accessToken: caller.accessToken, requestId: caller.requestId });
  const transaction = em.create(Transaction, {
    id,
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
    executedAt,
    createdAt: now,
    result: { cash: result.cash, holding: result.holding, realizedPnl: result.realizedPnl },
  });
  try {
    await em.flush();
  } catch (error) {
    // The same key raced in twice: the portfolio applied it once (same id); the unique index keeps one row.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    const winner = await transactionRepository(em).findByKey(caller.userId, idempotencyKey);
    if (!winner) throw error;
    return replay(winner, hash);
  }
  return { transaction, replayed: false };
}

function replay(stored: Transaction, hash: string): Recorded {
  if (stored.requestHash !== hash) throw keyReused();
  return { transaction: stored, replayed: true };
}

function toTradeRequest(transactionId: string, input: TransactionInput, executedAt: Date): ApplyTradeRequest {
  const request: ApplyTradeRequest = { transactionId, portfolioId: input.portfolioId, type: input.type, fees: input.fees, executedAt: executedAt.toISOString() };
  if (input.symbol !== null) request.symbol = input.symbol;
  if (input.quantity !== null) request.quantity = input.quantity;
  if (input.price !== null) request.price = input.price;
  if (input.amount !== null) request.amount = input.amount;
  return request;
}
