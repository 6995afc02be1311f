import type { z } from 'zod';
import { ServiceClient, type CallContext, type ServiceRequest } from '@ledgerline/service-client';
import {
  holdingListSchema, holdingSchema, instrumentListSchema, instrumentSchema, performanceSchema, portfolioListSchema, portfolioSchema,
} from './portfolio-api-schemas.ts';

type Out<S extends z.ZodType> = Promise<z.output<S>>;
const seg = encodeURIComponent;

/** The reads the gateway may pass on as they came (see ServiceClient.relay): one definition for both ways to call them. */
const listRequest = (ctx: CallContext): ServiceRequest => ({ method: 'GET', path: '/portfolios', ctx });
const holdingsRequest = (id: string, ctx: CallContext): ServiceRequest => ({ method: 'GET', path: `/portfolios/${seg(id)}/holdings`, ctx });
const performanceRequest = (id: string, ctx: CallContext): ServiceRequest => ({ method: 'GET', path: `/portfolios/${seg(id)}/performance`, ctx });

/**
 * Typed client of the portfolio service's public API (base URL injected): what the gateway calls,
 * and a Pact consumer. The internal trade endpoint has its own client (HttpPortfolioClient).
 */
export class PortfolioApiClient {
  readonly #http: ServiceClient;

  constructor(options: { baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }) {
    this.#http = new ServiceClient({ service: 'portfolio', ...options });
  }

  async list(ctx: CallContext): Out<typeof portfolioListSchema> {
    return (await this.#http.json(portfolioListSchema, listRequest(ctx))).body;
  }

  /** The portfolio list as the service sent it (JSON text, not parsed), for passing on. */
  async listRelayed(ctx: CallContext): Promise<string> {
    return (await this.#http.relay(listRequest(ctx))).body;
  }

  async create(body: Record<string, unknown>, ctx: CallContext): Out<typeof portfolioSchema> {
    return (await this.#http.json(portfolioSchema, { method: 'POST', path: '/portfolios', body, ctx })).body;
  }

  async get(id: string, ctx: CallContext): Out<typeof portfolioSchema> {
    return (await this.#http.json(portfolioSchema, { method: 'GET', path: `/portfolios/${seg(id)}`, ctx })).body;
  }

  async update(id: string, body: Record<string, unknown>, ctx: CallContext): Out<typeof portfolioSchema> {
    return (await this.#http.json(portfolioSchema, { method: 'PATCH', path: `/portfolios/${seg(id)}`, body, ctx })).body;
  }

  async remove(id: string, force: boolean, ctx: CallContext): Promise<void> {
    await this.#http.send({ method: 'DELETE', path: `/portfolios/${seg(id)}`, query: { force: force || undefined }, ctx });
  }

  async holdings(id: string, ctx: CallContext): Out<typeof holdingListSchema> {
    return (await this.#http.json(holdingListSchema, holdingsRequest(id, ctx))).body;
  }

  /** The holdings as the service sent them (JSON text, not parsed), for passing on. */
  async holdingsRelayed(id: string, ctx: CallContext): Promise<string> {
    return (await this.#http.relay(holdingsRequest(id, ctx))).body;
  }

  async openPosition(id: string, body: Record<string, unknown>, ctx: CallContext): Out<typeof holdingSchema> {
    return (await this.#http.json(holdingSchema, { method: 'POST', path: `/portfolios/${seg(id)}/holdings`, body, ctx })).body;
  }

  async performance(id: string, ctx: CallContext): Out<typeof performanceSchema> {
    return (await this.#http.json(performanceSchema, performanceRequest(id, ctx))).body;
  }

  /** The performance as the service sent it (JSON text, not parsed), for passing on. */
  async performanceRelayed(id: string, ctx: CallContext): Promise<string> {
    return (await this.#http.relay(performanceRequest(id, ctx))).body;
  }

  async instruments(query: { q?: string; assetClass?: string }, ctx: CallContext): Out<typeof instrumentListSchema> {
    return (await this.#http.json(instrumentListSchema, { method: 'GET', path: '/instruments', query, ctx })).body;
  }

  async instrument(symbol: string, ctx: CallContext): Out<typeof instrumentSchema> {
    return (await this.#http.json(instrumentSchema, { method: 'GET', path: `/instruments/${seg(symbol)}`, ctx })).body;
  }

  async updatePrice(symbol: string, body: Record<string, unknown>, ctx: CallContext): Out<typeof instrumentSchema> {
    return (await this.#http.json(instrumentSchema, { method: 'PUT', path: `/instruments/${seg(symbol)}/price`, body, ctx })).body;
  }

  async ready(ctx: CallContext = {}): Promise<unknown> {
    return (await this.#http.send({ method: 'GET', path: '/health/ready', ctx })).body;
  }
}
