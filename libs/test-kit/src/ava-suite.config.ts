/**
 * The AVA configuration of every project's `test` target (`ava --config ../../libs/test-kit/src/ava-suite.config.ts`,
 * set once in nx.json): the project's own `ava` settings from its package.json (extensions, timeout), and as files
 * either the project's `test/unit.suite.ts` — all its unit specs in one worker, see ./suite.ts — or, in a project
 * without one, each `src/**\/*.test.ts` in its own worker. Plain `npx ava …` in a project uses package.json alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectAvaConfig } from './ava-project-config.ts';

export const UNIT_SUITE = 'test/unit.suite.ts';

export default function avaSuiteConfig({ projectDir }: { projectDir: string }): Record<string, unknown> {
  return projectAvaConfig(projectDir, existsSync(join(projectDir, UNIT_SUITE)) ? [UNIT_SUITE] : ['src/**/*.test.ts']);
}
