import type { Em } from '@ledgerline/db-kit';
import { User } from './user.entity.ts';

/** Data access for users, bound to one request's EntityManager. */
export function userRepository(em: Em) {
  return {
    findById: (id: string) => em.findOne(User, { id }),
    findByEmail: (email: string) => em.findOne(User, { email }),
    add(user: User) {
      em.persist(user);
    },
    flush: () => em.flush(),
  };
}
