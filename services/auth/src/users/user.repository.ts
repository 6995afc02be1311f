import { readRow, type Em } from '@ledgerline/db-kit';
import { User } from './user.entity.ts';

/** What a login needs of a user. */
export type Credentials = Pick<User, 'id' | 'email' | 'passwordHash' | 'role' | 'active'>;

const CREDENTIALS_BY_EMAIL = `select id, email, password_hash as "passwordHash", role, active from "user" where email = ?`;

/** Data access for users, bound to one request's EntityManager. */
export function userRepository(em: Em) {
  return {
    findById: (id: string) => em.findOne(User, { id }),
    findByEmail: (email: string) => em.findOne(User, { email }),
    /** A login's read (prepared statement, no entity): `active` comes as 0/1 on SQLite, a boolean on PostgreSQL. */
    async credentialsByEmail(email: string): Promise<Credentials | null> {
      const row = await readRow<Omit<Credentials, 'active'> & { active: unknown }>(em, CREDENTIALS_BY_EMAIL, [email]);
      return row ? { ...row, active: Boolean(row.active) } : null;
    },
    add(user: User) {
      em.persist(user);
    },
    flush: () => em.flush(),
  };
}
