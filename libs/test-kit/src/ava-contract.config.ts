/**
 * The AVA configuration of the contract layer's Nx targets (set once in nx.json): the project's own `ava`
 * settings from its package.json, with its Pact tests as the files — `pact` runs the consumer tests
 * (`test/<consumer>-<provider>.pact.test.ts`, they write contracts/*.json), `contract` the provider verification
 * (`test/provider.pact.test.ts`); each command names its files.
 */
import { projectAvaConfig } from './ava-project-config.ts';

export default function avaContractConfig({ projectDir }: { projectDir: string }): Record<string, unknown> {
  return projectAvaConfig(projectDir, ['test/**/*.pact.test.ts']);
}
