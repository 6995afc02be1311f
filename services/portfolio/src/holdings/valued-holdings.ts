import type { Em } from '@ledgerline/db-kit';
import { instrumentRepository, type InstrumentPrice } from '../instruments/instrument.repository.ts';
import { dec } from '../money/money.ts';
import { valueHolding, type ValuedPosition } from '../pnl/valuation.ts';
import { holdingRepository, type HoldingFigures } from './holding.repository.ts';

export interface ValuedHolding extends ValuedPosition {
  holding: HoldingFigures;
  instrument: InstrumentPrice;
}

/** Values holdings (entities or plain rows) at their instruments' last prices. */
export async function valueHoldings(em: Em, holdings: HoldingFigures[]): Promise<ValuedHolding[]> {
  const instruments = await instrumentRepository(em).pricesBySymbols([...new Set(holdings.map((holding) => holding.symbol))]);
  return holdings.map((holding) => {
    const instrument = instruments.get(holding.symbol);
    if (!instrument) throw new Error(`holding ${holding.id} refers to unknown instrument ${holding.symbol}`);
    const quantity = dec(holding.quantity);
    const averageCost = dec(holding.averageCost);
    return {
      holding,
      instrument,
      symbol: holding.symbol,
      assetClass: instrument.assetClass,
      quantity,
      realizedPnl: dec(holding.realizedPnl),
      ...valueHolding({ quantity, averageCost }, dec(instrument.lastPrice)),
    };
  });
}

/** Every holding of a portfolio (closed ones included), valued. */
export async function valuePortfolioHoldings(em: Em, portfolioId: string): Promise<ValuedHolding[]> {
  return valueHoldings(em, await holdingRepository(em).listFigures(portfolioId));
}
