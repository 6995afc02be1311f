import type { Em } from '@ledgerline/db-kit';
import { instrumentRepository, type InstrumentPrice } from '../instruments/instrument.repository.ts';
import { parseFixed } from '../money/fixed-point.ts';
import { valueHolding, type ValuedPosition } from '../pnl/valuation.ts';
import { holdingRepository, type HoldingFigures } from './holding.repository.ts';

export interface ValuedHolding extends ValuedPosition {
  holding: HoldingFigures;
  instrument: InstrumentPrice;
}

function valued(holding: HoldingFigures, instrument: InstrumentPrice | undefined): ValuedHolding {
  if (!instrument) throw new Error(`holding ${holding.id} refers to unknown instrument ${holding.symbol}`);
  const quantity = parseFixed(holding.quantity);
  const averageCost = parseFixed(holding.averageCost);
  return {
    holding,
    instrument,
    symbol: holding.symbol,
    assetClass: instrument.assetClass,
    quantity,
    realizedPnl: parseFixed(holding.realizedPnl),
    ...valueHolding({ quantity, averageCost }, parseFixed(instrument.lastPrice)),
  };
}

/** Values holdings (entities or plain rows) at their instruments' last prices. */
export async function valueHoldings(em: Em, holdings: HoldingFigures[]): Promise<ValuedHolding[]> {
  const instruments = await instrumentRepository(em).pricesBySymbols([...new Set(holdings.map((holding) => holding.symbol))]);
  return holdings.map((holding) => valued(holding, instruments.get(holding.symbol)));
}

/** Every holding of a portfolio (closed ones included), valued: holdings and prices in one read. */
export async function valuePortfolioHoldings(em: Em, portfolioId: string): Promise<ValuedHolding[]> {
  const rows = await holdingRepository(em).listPriced(portfolioId);
  return rows.map(({ name, assetClass, lastPrice, ...holding }) =>
    valued(holding, name === null || assetClass === null || lastPrice === null ? undefined : { symbol: holding.symbol, name, assetClass, lastPrice }),
  );
}
