/**
 * The shape every "prove it bites" script shares (`contracts:prove-bite`, `security:prove-bite`,
 * `openapi:prove-bite`): for each mutation, on a temporary copy of the repository — never the real tree — replace
 * one piece of code, run the tests that guard it, and require that they fail saying what `expect` names.
 * Prints one line per mutation and a verdict; returns the exit code (non-zero when a mutation survived).
 */
import { copyRepo, type RepoCopy } from './repo-copy.ts';

export interface BiteMutation {
  name: string;
  file: string;
  /** Must occur exactly once in `file`. */
  from: string;
  to: string;
  /** Runs the guarding tests in the mutated copy. */
  run(copy: RepoCopy): { status: number; output: string };
  /** What the failure must say. */
  expect: RegExp;
}

export function proveBite(root: string, what: string, mutations: BiteMutation[]): number {
  let survived = 0;
  for (const mutation of mutations) {
    const copy = copyRepo(root);
    try {
      copy.mutate(mutation.file, mutation.from, mutation.to);
      const run = mutation.run(copy);
      const caught = run.status !== 0 && mutation.expect.test(run.output);
      const failed = run.output.split('\n').filter((line) => line.includes('✘')).length;
      console.log(`${caught ? 'caught   ' : 'SURVIVED '} ${mutation.name}${caught ? ` — ${failed} failing test(s)` : ''}`);
      if (caught) {
        const line = run.output.split('\n').find((l) => mutation.expect.test(l));
        if (line) console.log(`          ${line.trim().replace(/^[-+]\s*/, '').slice(0, 240)}`);
      } else {
        survived += 1;
        console.log(run.output.slice(-3000));
      }
    } finally {
      copy.remove();
    }
  }
  console.log(survived ? `${what} bite: NO — ${survived} mutation(s) survived` : `${what} bite: yes — ${mutations.length} of ${mutations.length} mutations caught`);
  return survived ? 1 : 0;
}
