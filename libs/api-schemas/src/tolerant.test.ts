import test from 'ava';
import { transaction, user } from './index.ts';
import { tolerant } from './tolerant.ts';

const body = {
  id: 't-1', portfolioId: 'p-1', type: 'buy', symbol: 'AAPL', quantity: '1', price: '10.00', amount: null, fees: '0.00',
  executedAt: '2026-05-01T10:00:00.000Z', createdAt: '2026-05-01T10:00:00.000Z', status: 'completed',
  result: { cash: '90.00', holding: { symbol: 'AAPL', quantity: '1', averageCost: '10.0000', realizedPnl: '0.00' }, realizedPnl: null }, rejection: null,
};

test('a tolerant reader checks every documented field and keeps (or drops) fields it does not know, at any depth', (t) => {
  const extra = { ...body, note: 'new', result: { ...body.result, holding: { ...body.result.holding, lots: 2 } } };
  t.false(transaction.safeParse(extra).success, 'the document itself allows no extra field');
  t.like(tolerant(transaction).parse(extra), { note: 'new', result: { holding: { lots: 2 } } });
  const dropped = tolerant(transaction, 'drop').parse(extra) as Record<string, unknown>;
  t.false('note' in dropped);
  t.deepEqual(dropped, body);
});

test('a tolerant reader still refuses a missing field or a wrong type, at any depth', (t) => {
  const { createdAt: _createdAt, ...withoutCreatedAt } = body;
  t.false(tolerant(transaction).safeParse(withoutCreatedAt).success);
  t.false(tolerant(transaction).safeParse({ ...body, executedAt: 1 }).success);
  t.false(tolerant(transaction).safeParse({ ...body, result: { ...body.result, cash: 90 } }).success);
  t.false(tolerant(user).safeParse({ id: 'u', email: 'e', fullName: 'f', role: 'root', active: true, investmentProfile: { riskTolerance: 'moderate', horizonYears: 5, goals: [] }, createdAt: body.createdAt, updatedAt: body.createdAt }).success, 'an unknown role');
});
