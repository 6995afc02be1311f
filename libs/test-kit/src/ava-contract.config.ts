/**
 * The AVA configuration of every project's `contract` target (set once in nx.json): the project's own `ava`
 * settings from its package.json, with its Pact consumer tests and provider verification as the files.
 */
import { projectAvaConfig } from './ava-project-config.ts';

export default function avaContractConfig({ projectDir }: { projectDir: string }): Record<string, unknown> {
  return projectAvaConfig(projectDir, ['test/**/*.pact.test.ts']);
}
