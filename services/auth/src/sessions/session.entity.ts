import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

/** A login session: the family every rotated refresh token of one login belongs to. */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'session',
  properties: {
    id: p.string().primary(),
    user: () => p.manyToOne(User).index(),
    createdAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revokedReason: p.string().nullable(),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
