import { UserSchema } from './users/user.entity.ts';
import { SessionSchema } from './sessions/session.entity.ts';
import { RefreshTokenSchema } from './sessions/refresh-token.entity.ts';

/** Every table the auth service owns. */
export const authEntities = [UserSchema, SessionSchema, RefreshTokenSchema];
