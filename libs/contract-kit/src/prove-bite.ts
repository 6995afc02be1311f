/**
 * Proof that the contracts bite (run in CI): on a temporary copy of the repository — never the real tree —
 *  (a) rename a field in a provider's response  → that provider's verification must fail;
 *  (b) make a consumer rely on a field the provider does not send → the provider's verification must fail.
 * Each case also checks that the failure names the field. Exits non-zero if a mutation survives.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proveBite, type BiteMutation, type RepoCopy } from '@ledgerline/test-kit';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Re-runs the consumer's pact tests in the copy (to regenerate its pact) if given, then verifies the provider. */
function verify(provider: string, consumer?: string): BiteMutation['run'] {
  return (copy: RepoCopy) => {
    const env = { LEDGERLINE_CONTRACTS_DIR: join(copy.dir, 'contracts') };
    if (consumer) {
      const run = copy.ava(consumer, ['test/**/*.pact.test.ts'], env);
      if (run.status !== 0) throw new Error(`the mutated consumer tests themselves failed:\n${run.output}`);
    }
    return copy.ava(provider, ['test/provider.pact.test.ts'], env);
  };
}

const MUTATIONS: BiteMutation[] = [
  {
    name: '(a) the auth service renames fullName → name in its user response',
    file: 'services/auth/src/users/user.view.ts',
    from: '    fullName: user.fullName,',
    to: '    name: user.fullName,',
    run: verify('services/auth'),
    expect: /fullName/,
  },
  {
    name: '(b) the gateway starts to rely on a user field "nickname" that auth never sends',
    file: 'services/gateway/test/gateway-auth.pact.test.ts',
    from: "  fullName: string('Contract User'),",
    to: "  fullName: string('Contract User'),\n  nickname: string('Ada'),",
    run: verify('services/auth', 'services/gateway'),
    expect: /nickname/,
  },
];

process.exit(proveBite(ROOT, 'contracts', MUTATIONS));
