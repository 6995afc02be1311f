import { defineEntity, p } from '@mikro-orm/core';
import { Session } from './session.entity.ts';

/** A refresh token, stored only as its SHA-256 hash. Used once: rotation replaces it. */
export const RefreshTokenSchema = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.string().primary(),
    tokenHash: p.string().unique(),
    session: () => p.manyToOne(Session).index(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});

export class RefreshToken extends RefreshTokenSchema.class {}
RefreshTokenSchema.setClass(RefreshToken);
