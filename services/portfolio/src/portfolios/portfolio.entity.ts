import { defineEntity, p } from '@mikro-orm/core';

export { CURRENCIES as SUPPORTED_CURRENCIES } from '@ledgerline/api-schemas';

/** The one definition of the `portfolio` table. Money (cash) is a TEXT decimal with 2 dp. */
export const PortfolioSchema = defineEntity({
  name: 'Portfolio',
  tableName: 'portfolio',
  properties: {
    id: p.string().primary(),
    ownerId: p.string(),
    name: p.string().length(80),
    baseCurrency: p.string().length(3),
    description: p.string().length(500).nullable(),
    cash: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  // Lists filter by owner and page in (createdAt, id) order.
  indexes: [{ properties: ['ownerId', 'createdAt', 'id'] }],
});

export class Portfolio extends PortfolioSchema.class {}
PortfolioSchema.setClass(Portfolio);
