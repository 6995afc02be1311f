import type { z } from 'zod';
import { ServiceClient, type CallContext } from '@ledgerline/service-client';
import type { Credentials, RegisterRequest } from '@ledgerline/api-schemas';
import { jwksSchema, passwordPolicySchema, tokenPairSchema, userSchema, type TokenPair, type User } from './schemas.ts';

export type { RegisterRequest } from '@ledgerline/api-schemas';

/** Typed client of the auth service (base URL injected): the gateway's way in, and a Pact consumer. */
export class AuthClient {
  readonly #http: ServiceClient;

  constructor(options: { baseUrl: string; timeoutMs?: number; fetch?: typeof fetch }) {
    this.#http = new ServiceClient({ service: 'auth', ...options });
  }

  async register(body: RegisterRequest, ctx: CallContext = {}): Promise<User> {
    return (await this.#http.json(userSchema, { method: 'POST', path: '/auth/register', body, ctx })).body;
  }

  async login(body: Credentials, ctx: CallContext = {}): Promise<TokenPair> {
    return (await this.#http.json(tokenPairSchema, { method: 'POST', path: '/auth/login', body, ctx })).body;
  }

  async refresh(body: { refreshToken: string }, ctx: CallContext = {}): Promise<TokenPair> {
    return (await this.#http.json(tokenPairSchema, { method: 'POST', path: '/auth/refresh', body, ctx })).body;
  }

  async logout(body: { refreshToken: string }, ctx: CallContext = {}): Promise<void> {
    await this.#http.send({ method: 'POST', path: '/auth/logout', body, ctx });
  }

  async me(ctx: CallContext): Promise<User> {
    return (await this.#http.json(userSchema, { method: 'GET', path: '/auth/me', ctx })).body;
  }

  async updateMe(body: Record<string, unknown>, ctx: CallContext): Promise<User> {
    return (await this.#http.json(userSchema, { method: 'PATCH', path: '/auth/me', body, ctx })).body;
  }

  async deactivateUser(userId: string, ctx: CallContext): Promise<User> {
    return (await this.#http.json(userSchema, { method: 'POST', path: `/auth/users/${encodeURIComponent(userId)}/deactivate`, ctx })).body;
  }

  async passwordPolicy(ctx: CallContext = {}): Promise<z.output<typeof passwordPolicySchema>> {
    return (await this.#http.json(passwordPolicySchema, { method: 'GET', path: '/auth/password-policy', ctx })).body;
  }

  async jwks(ctx: CallContext = {}): Promise<z.output<typeof jwksSchema>> {
    return (await this.#http.json(jwksSchema, { method: 'GET', path: '/.well-known/jwks.json', ctx })).body;
  }

  async ready(ctx: CallContext = {}): Promise<unknown> {
    return (await this.#http.send({ method: 'GET', path: '/health/ready', ctx })).body;
  }
}
