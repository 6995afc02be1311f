import type { RecordTransactionRequest, Transaction, TradeType } from '@ledgerline/api-schemas';
import { formatDecimal } from './money.ts';

/** The inputs of the trade form; `executedAt` is a date input's value (YYYY-MM-DD) or '' for "now". */
export interface TradeFormValues {
  type: TradeType;
  symbol: string;
  quantity: string;
  price: string;
  amount: string;
  fees: string;
  executedAt: string;
}

export type TradeField = 'symbol' | 'quantity' | 'price' | 'amount' | 'fees' | 'executedAt';

export const TRADE_TYPE_LABELS: Record<TradeType, string> = {
  buy: 'Buy',
  sell: 'Sell',
  deposit: 'Deposit cash',
  withdrawal: 'Withdraw cash',
  dividend: 'Dividend',
  fee: 'Fee',
};

export const TRADE_FIELD_LABELS: Record<TradeField, string> = {
  symbol: 'Symbol',
  quantity: 'Quantity',
  price: 'Price per unit',
  amount: 'Amount',
  fees: 'Fees (optional)',
  executedAt: 'Date (optional, default now)',
};

const FIELDS: Record<TradeType, TradeField[]> = {
  buy: ['symbol', 'quantity', 'price', 'fees', 'executedAt'],
  sell: ['symbol', 'quantity', 'price', 'fees', 'executedAt'],
  deposit: ['amount', 'executedAt'],
  withdrawal: ['amount', 'executedAt'],
  fee: ['amount', 'executedAt'],
  dividend: ['symbol', 'amount', 'executedAt'],
};

const OPTIONAL = new Set<TradeField>(['fees', 'executedAt']);

/** The fields the form shows for a type, in display order. */
export function fieldsFor(type: TradeType): TradeField[] {
  return FIELDS[type];
}

/** A blank form of the given type. */
export function emptyTradeForm(type: TradeType = 'buy'): TradeFormValues {
  return { type, symbol: '', quantity: '', price: '', amount: '', fees: '', executedAt: '' };
}

/** Client-side check before sending: every required field of the type filled in (the server checks the rest). */
export function missingTradeFields(values: TradeFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fieldsFor(values.type)) {
    if (!OPTIONAL.has(field) && values[field].trim() === '') errors[field] = 'Required.';
  }
  return errors;
}

/**
 * The POST /transactions body for the form: only the fields of the chosen type, trimmed, symbol in capitals,
 * blank optional fields left out (the server then uses fees "0.00" and "now").
 */
export function toTransactionRequest(portfolioId: string, values: TradeFormValues): RecordTransactionRequest {
  const body: RecordTransactionRequest = { portfolioId, type: values.type };
  for (const field of fieldsFor(values.type)) {
    const raw = values[field].trim();
    if (raw === '') continue;
    body[field] = field === 'symbol' ? raw.toUpperCase() : raw;
  }
  return body;
}

/** The confirmation shown after a transaction was recorded. */
export function describeRecorded(transaction: Transaction, currency?: string): string {
  const money = (value: string | null) => `${formatDecimal(value)}${currency ? ` ${currency}` : ''}`;
  const what: Record<TradeType, () => string> = {
    buy: () => `Bought ${formatDecimal(transaction.quantity)} ${transaction.symbol} at ${money(transaction.price)}.`,
    sell: () => `Sold ${formatDecimal(transaction.quantity)} ${transaction.symbol} at ${money(transaction.price)}.`,
    deposit: () => `Deposited ${money(transaction.amount)}.`,
    withdrawal: () => `Withdrew ${money(transaction.amount)}.`,
    dividend: () => `Dividend of ${money(transaction.amount)} from ${transaction.symbol} recorded.`,
    fee: () => `Fee of ${money(transaction.amount)} recorded.`,
  };
  const parts = [what[transaction.type]()];
  if (transaction.status === 'pending') {
    parts.push('Pending: the portfolio has not confirmed it yet. It will be applied automatically; this page updates when it is.');
    return parts.join(' ');
  }
  if (transaction.result?.realizedPnl) parts.push(`Realised P/L: ${money(transaction.result.realizedPnl)}.`);
  if (transaction.result?.cash) parts.push(`Cash balance: ${money(transaction.result.cash)}.`);
  return parts.join(' ');
}
