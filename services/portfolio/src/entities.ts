import { PortfolioSchema } from './portfolios/portfolio.entity.ts';
import { HoldingSchema } from './holdings/holding.entity.ts';
import { InstrumentSchema } from './instruments/instrument.entity.ts';
import { AppliedTradeSchema } from './trades/applied-trade.entity.ts';

/** Every table the portfolio service owns. */
export const portfolioEntities = [PortfolioSchema, HoldingSchema, InstrumentSchema, AppliedTradeSchema];
