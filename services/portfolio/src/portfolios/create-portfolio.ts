import { randomUUID } from 'node:crypto';
import type { Em } from '@ledgerline/db-kit';
import { Portfolio } from './portfolio.entity.ts';
import type { CreatePortfolioInput } from './portfolio.schemas.ts';

/** Creates an empty portfolio (cash "0.00", no holdings) owned by the caller. */
export async function createPortfolio(em: Em, ownerId: string, input: CreatePortfolioInput, now: Date): Promise<Portfolio> {
  const portfolio = em.create(Portfolio, {
    id: randomUUID(),
    ownerId,
    name: input.name,
    baseCurrency: input.baseCurrency,
    description: input.description || null,
    cash: '0.00',
    createdAt: now,
    updatedAt: now,
  });
  await em.flush();
  return portfolio;
}
