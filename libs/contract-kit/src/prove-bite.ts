/**
 * Proof that the contracts bite (run in CI): on a temporary copy of the repository — never the real tree —
 *  (a) rename a field in a provider's response  → that provider's verification must fail;
 *  (b) make a consumer rely on a field the provider does not send → the provider's verification must fail.
 * Each case also checks that the failure names the field. Exits non-zero if a mutation survives.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyRepo } from '@ledgerline/test-kit';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

interface Mutation {
  name: string;
  file: string;
  from: string;
  to: string;
  /** Consumer tests to re-run in the copy (to regenerate its pact) before verifying. */
  consumer?: string;
  provider: string;
  expect: RegExp;
}

const MUTATIONS: Mutation[] = [
  {
    name: '(a) the auth service renames fullName → name in its user response',
    file: 'services/auth/src/users/user.view.ts',
    from: '    fullName: user.fullName,',
    to: '    name: user.fullName,',
    provider: 'services/auth',
    expect: /fullName/,
  },
  {
    name: '(b) the gateway starts to rely on a user field "nickname" that auth never sends',
    file: 'services/gateway/test/gateway-auth.pact.test.ts',
    from: "  fullName: string('Contract User'),",
    to: "  fullName: string('Contract User'),\n  nickname: string('Ada'),",
    consumer: 'services/gateway',
    provider: 'services/auth',
    expect: /nickname/,
  },
];

let survived = 0;
for (const mutation of MUTATIONS) {
  const copy = copyRepo(ROOT);
  try {
    const env = { LEDGERLINE_CONTRACTS_DIR: join(copy.dir, 'contracts') };
    copy.mutate(mutation.file, mutation.from, mutation.to);
    if (mutation.consumer) {
      const consumer = copy.ava(mutation.consumer, ['test/**/*.pact.test.ts'], env);
      if (consumer.status !== 0) throw new Error(`the mutated consumer tests themselves failed:\n${consumer.output}`);
    }
    const verification = copy.ava(mutation.provider, ['test/provider.pact.test.ts'], env);
    const caught = verification.status !== 0 && mutation.expect.test(verification.output);
    console.log(`${caught ? 'caught   ' : 'SURVIVED '} ${mutation.name}`);
    if (caught) {
      const line = verification.output.split('\n').find((l) => l.includes('✘') && mutation.expect.test(l));
      if (line) console.log(`          ${line.trim().slice(0, 240)}`);
    } else {
      survived += 1;
      console.log(verification.output.slice(-3000));
    }
  } finally {
    copy.remove();
  }
}
console.log(survived ? `contracts bite: NO — ${survived} mutation(s) survived` : `contracts bite: yes — ${MUTATIONS.length} of ${MUTATIONS.length} mutations caught`);
process.exit(survived ? 1 : 0);
