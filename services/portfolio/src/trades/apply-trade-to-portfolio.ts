import { randomUUID } from 'node:crypto';
import { writeTransaction, type Em } from '@ledgerline/db-kit';
import { AppError, conflict } from '@ledgerline/http-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { holdingRepository, type HoldingFigures } from '../holdings/holding.repository.ts';
import { unknownSymbol } from '../holdings/open-position.ts';
import { instrumentRepository } from '../instruments/instrument.repository.ts';
import { dec, formatMoney, formatQuantity, storeAverageCost } from '../money/money.ts';
import { applyTrade, type Position, type TradeEffect } from '../pnl/apply-trade.ts';
import { portfolioRepository, type PortfolioFigures } from '../portfolios/portfolio.repository.ts';
import { appliedTradeRepository, type AppliedTradeRecord } from './applied-trade.repository.ts';
import type { ApplyTradeInput } from './trade.schemas.ts';
import { toTradeHolding, type ApplyTradeResult } from './trade.view.ts';

interface Caller {
  ownerId: string;
  portfolioId: string;
  now: Date;
}

function effectOf(input: ApplyTradeInput): TradeEffect {
  if (input.type === 'buy' || input.type === 'sell') {
    return { type: input.type, quantity: dec(input.quantity!), price: dec(input.price!), fees: dec(input.fees ?? '0') };
  }
  return { type: input.type, amount: dec(input.amount!) };
}

function positionOf(holding: HoldingFigures | null): Position | null {
  return holding ? { quantity: dec(holding.quantity), averageCost: dec(holding.averageCost), realizedPnl: dec(holding.realizedPnl) } : null;
}

/** The stored result of an earlier application, answered again with applied: false. */
function replay(previous: AppliedTradeRecord, portfolioId: string): ApplyTradeResult {
  if (previous.portfolioId !== portfolioId) {
    throw conflict('transaction_id_conflict', `Transaction ${previous.transactionId} was already applied to another portfolio.`);
  }
  return { ...previous.result, applied: false };
}

/**
 * Applies the trade inside `tx`'s database transaction. Every read and write is a prepared statement (db-kit
 * `readRows`/`writeRows`): the hot write path builds no queries and tracks no entities.
 */
async function applyOnce(tx: Em, portfolio: PortfolioFigures, input: ApplyTradeInput, now: Date): Promise<ApplyTradeResult> {
  const trades = input.type === 'buy' || input.type === 'sell';
  const holdings = holdingRepository(tx);
  const holding = trades ? await holdings.figuresBySymbol(portfolio.id, input.symbol!) : null;
  // A holding is only ever opened on a known instrument (and instruments are never removed): one read fewer per trade in a held symbol.
  if (input.symbol && !holding && !(await instrumentRepository(tx).exists(input.symbol))) throw unknownSymbol(input.symbol);
  const outcome = applyTrade({ cash: dec(portfolio.cash), position: positionOf(holding) }, effectOf(input));
  if (!outcome.ok) throw conflict(outcome.reason, outcome.detail);

  const cash = formatMoney(outcome.cash);
  await portfolioRepository(tx).setCash(portfolio.id, cash, now);
  const touched =
    trades && outcome.position
      ? await holdings.savePosition(
          portfolio.id,
          input.symbol!,
          holding,
          {
            quantity: formatQuantity(outcome.position.quantity),
            averageCost: storeAverageCost(outcome.position.averageCost),
            realizedPnl: formatMoney(outcome.position.realizedPnl),
          },
          now,
          randomUUID,
        )
      : null;
  const result: ApplyTradeResult = {
    transactionId: input.transactionId,
    portfolioId: portfolio.id,
    applied: true,
    cash,
    holding: touched ? toTradeHolding(touched) : null,
    realizedPnl: outcome.realizedPnl ? formatMoney(outcome.realizedPnl) : null,
  };
  await appliedTradeRepository(tx).insert({ transactionId: input.transactionId, portfolioId: portfolio.id, type: input.type, executedAt: new Date(input.executedAt), result, appliedAt: now });
  return result;
}

/**
 * Applies a trade or cash movement sent by the transaction service, idempotently by transactionId, in one
 * database transaction: a refusal (404, 409, 422) changes nothing. Only the portfolio's owner may apply. Trades on
 * one portfolio are applied one at a time (its row lock), also by several replicas on one PostgreSQL database.
 */
export async function applyTradeToPortfolio(em: Em, caller: Caller, input: ApplyTradeInput): Promise<ApplyTradeResult> {
  try {
    return await writeTransaction(em, async (tx) => {
      const portfolios = portfolioRepository(tx);
      await portfolios.lockForUpdate(caller.portfolioId);
      const portfolio = await portfolios.findOwnedFigures(caller.portfolioId, caller.ownerId);
      const previous = await appliedTradeRepository(tx).find(input.transactionId);
      if (previous) return replay(previous, portfolio.id);
      return applyOnce(tx, portfolio, input, caller.now);
    });
  } catch (error) {
    if (error instanceof AppError || !(error instanceof UniqueConstraintViolationException)) throw error;
    // A concurrent request applied the same transaction id first: answer as a replay.
    const previous = await appliedTradeRepository(em).find(input.transactionId);
    if (!previous) throw error;
    return replay(previous, caller.portfolioId);
  }
}
