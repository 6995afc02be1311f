import type { Em } from '@ledgerline/db-kit';
import { conflict } from '@ledgerline/http-kit';
import { Holding } from '../holdings/holding.entity.ts';
import { dec } from '../money/money.ts';
import { AppliedTrade } from '../trades/applied-trade.entity.ts';
import { Portfolio } from './portfolio.entity.ts';

/**
 * Deletes a portfolio with its holdings and its record of applied trades, in one transaction.
 *
 * A portfolio that is not empty — it holds a position (any holding with quantity > 0) or its cash is not
 * zero — is refused with 409 `portfolio_not_empty`, unless `force` is true (`DELETE /portfolios/:id?force=true`),
 * which deletes it anyway: positions and cash are then discarded.
 */
export async function deletePortfolio(em: Em, portfolio: Portfolio, force: boolean): Promise<void> {
  await em.transactional(async (tx) => {
    const holdings = await tx.find(Holding, { portfolio: portfolio.id });
    const openPositions = holdings.filter((holding) => dec(holding.quantity).gt(0)).length;
    const cash = dec(portfolio.cash);
    if (!force && (openPositions > 0 || !cash.isZero())) {
      throw conflict(
        'portfolio_not_empty',
        `This portfolio still holds ${openPositions} position(s) and ${portfolio.cash} in cash. Sell and withdraw first, or delete with ?force=true.`,
      );
    }
    await tx.nativeDelete(Holding, { portfolio: portfolio.id });
    await tx.nativeDelete(AppliedTrade, { portfolioId: portfolio.id });
    await tx.nativeDelete(Portfolio, { id: portfolio.id });
  });
}
