import { randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { AppError, conflict } from '@ledgerline/http-kit';
import { instrumentRepository } from '../instruments/instrument.repository.ts';
import { dec, formatQuantity, storeAverageCost } from '../money/money.ts';
import type { Portfolio } from '../portfolios/portfolio.entity.ts';
import { Holding } from './holding.entity.ts';
import { holdingRepository } from './holding.repository.ts';
import type { OpenPositionInput } from './holding.schemas.ts';

/** 422 `unknown_symbol` naming the `symbol` field: the symbol is not in the instrument universe. */
export function unknownSymbol(symbol: string): AppError {
  return new AppError(422, 'unknown_symbol', 'Validation failed', {
    detail: `There is no instrument with the symbol ${symbol}.`,
    errors: [{ field: 'symbol', code: 'unknown_symbol', message: `Unknown symbol ${symbol}.` }],
  });
}

/**
 * Enters an opening position directly (e.g. shares transferred in): no cash moves. Refused with 409
 * `holding_exists` while the portfolio already holds the symbol; a closed position (quantity 0) is reopened
 * and keeps its realised P/L.
 */
export async function openPosition(em: Em, portfolio: Portfolio, input: OpenPositionInput, now: Date): Promise<Holding> {
  if (!(await instrumentRepository(em).findBySymbol(input.symbol))) throw unknownSymbol(input.symbol);
  const existing = await holdingRepository(em).findBySymbol(portfolio.id, input.symbol);
  if (existing && dec(existing.quantity).gt(0)) {
    throw conflict('holding_exists', `This portfolio already holds ${input.symbol}: record a buy instead.`, [
      { field: 'symbol', code: 'holding_exists', message: `${input.symbol} is already held.` },
    ]);
  }
  const quantity = formatQuantity(input.quantity);
  const averageCost = storeAverageCost(dec(input.averageCost));
  const holding = existing ?? em.create(Holding, {
    id: randomUUID(),
    portfolio,
    symbol: input.symbol,
    quantity,
    averageCost,
    realizedPnl: '0.00',
    createdAt: now,
    updatedAt: now,
  });
  holding.quantity = quantity;
  holding.averageCost = averageCost;
  holding.updatedAt = now;
  portfolio.updatedAt = now;
  await em.flush();
  return holding;
}
