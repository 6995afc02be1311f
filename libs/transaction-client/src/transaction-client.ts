import type { RecordTransactionRequest as PublicRecordTransactionRequest, TransactionQuery } from '@ledgerline/api-schemas';
import { ServiceClient, type CallContext, type ServiceRequest } from '@ledgerline/service-client';
import { transactionPageSchema, transactionSchema, type Transaction, type TransactionPage } from './schemas.ts';

/**
 * The public API's request shapes (@ledgerline/api-schemas) as the gateway forwards them: unvalidated, so any
 * `type` string passes through and the transaction service answers a bad one with its 422.
 */
export type RecordTransactionRequest = Omit<PublicRecordTransactionRequest, 'type'> & { type: string };
export type HistoryQuery = TransactionQuery;

const listRequest = (query: HistoryQuery, ctx: CallContext): ServiceRequest => ({ method: 'GET', path: '/transactions', query: { ...query }, ctx });

export interface Recorded {
  transaction: Transaction;
  /** true when the Idempotency-Key had been used before and the stored transaction was returned. */
  replayed: boolean;
  /** true (HTTP 202) when it is stored but not yet applied: the transaction service finishes it later. */
  pending: boolean;
}

/** Typed client of the transaction service (base URL injected): the gateway's way in, and a Pact consumer. */
export class TransactionClient {
  readonly #http: ServiceClient;

  constructor(options: { baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }) {
    this.#http = new ServiceClient({ service: 'transaction', ...options });
  }

  async record(body: RecordTransactionRequest, idempotencyKey: string | undefined, ctx: CallContext): Promise<Recorded> {
    const response = await this.#http.json(transactionSchema, {
      method: 'POST', path: '/transactions', body, ctx, headers: { 'idempotency-key': idempotencyKey },
    });
    return { transaction: response.body, replayed: response.headers.get('idempotent-replayed') === 'true', pending: response.status === 202 };
  }

  async list(query: HistoryQuery, ctx: CallContext): Promise<TransactionPage> {
    return (await this.#http.json(transactionPageSchema, listRequest(query, ctx))).body;
  }

  /** A history page as the service sent it (JSON text, not parsed), for passing on (see ServiceClient.relay). */
  async listRelayed(query: HistoryQuery, ctx: CallContext): Promise<string> {
    return (await this.#http.relay(listRequest(query, ctx))).body;
  }

  async get(id: string, ctx: CallContext): Promise<Transaction> {
    return (await this.#http.json(transactionSchema, { method: 'GET', path: `/transactions/${encodeURIComponent(id)}`, ctx })).body;
  }

  async ready(ctx: CallContext = {}): Promise<unknown> {
    return (await this.#http.send({ method: 'GET', path: '/health/ready', ctx })).body;
  }
}
