/**
 * Guardrail `no-blocking-unit-specs`: a unit spec (`services|libs/<name>/src/**\/*.test.ts`) starts no child
 * process synchronously (`spawnSync`, `execFileSync`, `execSync`). The unit layer's workers each run many projects'
 * tests on one thread (libs/test-kit/src/ava-batch/); a synchronous child holds that thread until it ends, and every
 * other test's timers and sockets with it — in CI a test's 5 s client deadline passed while a spec ran a CLI twice.
 * Use `execFile`/`spawn` and await them.
 */
import ts from 'typescript';
import type { Violation } from './violation.ts';
import { calleeName, isTestFileName, lineOf, listSourceFiles, parseSource, walk } from './source-files.ts';

export const RULE = 'no-blocking-unit-specs';

const BLOCKING_CALLS = new Set(['spawnSync', 'execFileSync', 'execSync']);

/** A unit spec: a `*.test.ts` under a service's or a lib's `src/`. */
export function isUnitSpec(rel: string): boolean {
  return /^(services|libs)\/[^/]+\/src\//.test(rel) && isTestFileName(rel);
}

export function checkNoBlockingUnitSpecs(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root).filter(isUnitSpec)) {
    // Each blocking call's name ends in `Sync`: the specs that do not say it are not parsed.
    const source = parseSource(root, file, 'Sync');
    if (!source) continue;
    walk(source, (node) => {
      if (!ts.isCallExpression(node)) return;
      const name = calleeName(node.expression);
      if (name && BLOCKING_CALLS.has(name)) {
        violations.push({ file, line: lineOf(source, node), rule: RULE, message: `${name}() in a unit spec blocks the worker thread the unit layer's tests share, and every other test's timers with it: use execFile/spawn and await it` });
      }
    });
  }
  return violations;
}
