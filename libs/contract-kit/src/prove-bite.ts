/**
 * Proof that the contracts bite (run in CI): on a temporary copy of the repository — never the real tree —
 *  (a) rename a field in a provider's response  → that provider's verification must fail;
 *  (b) make a consumer rely on a field the provider does not send → the provider's verification must fail.
 * Each case also checks that the failure names the field. Exits non-zero if a mutation survives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function copyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-bite-'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(cwd: string, args: string[], env: Record<string, string>): { status: number; output: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/ava/entrypoints/cli.js'), ...args], {
    cwd, env: { ...process.env, ...env, PACT_DO_NOT_TRACK: 'true' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}

let survived = 0;
for (const mutation of MUTATIONS) {
  const copy = copyRepo();
  try {
    const env = { LEDGERLINE_CONTRACTS_DIR: join(copy, 'contracts') };
    const path = join(copy, mutation.file);
    const source = readFileSync(path, 'utf8');
    if (!source.includes(mutation.from)) throw new Error(`${mutation.file} no longer contains the line to mutate: update prove-bite.ts`);
    writeFileSync(path, source.replace(mutation.from, mutation.to));
    if (mutation.consumer) {
      const consumer = run(join(copy, mutation.consumer), ['test/**/*.pact.test.ts'], env);
      if (consumer.status !== 0) throw new Error(`the mutated consumer tests themselves failed:\n${consumer.output}`);
    }
    const verification = run(join(copy, mutation.provider), ['test/provider.pact.test.ts'], env);
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
    rmSync(copy, { recursive: true, force: true });
  }
}
console.log(survived ? `contracts bite: NO — ${survived} mutation(s) survived` : `contracts bite: yes — ${MUTATIONS.length} of ${MUTATIONS.length} mutations caught`);
process.exit(survived ? 1 : 0);
