/**
 * Bi-directional contract check: the committed web → gateway pact against the committed OpenAPI document, with
 * Pactflow's own swagger-mock-validator (offline: two files in, a verdict out). A consumer expectation the
 * document does not allow fails, and so does a document change that breaks a recorded expectation.
 */
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTempDir } from '@ledgerline/test-kit';

const CONTRACTS = fileURLToPath(new URL('../../../contracts/', import.meta.url));
const PACT = join(CONTRACTS, 'web-gateway.json');
const DOCUMENT = join(CONTRACTS, 'openapi/openapi.json');
const CLI = join(dirname(fileURLToPath(import.meta.resolve('@pactflow/swagger-mock-validator'))), 'cli.js');

/**
 * The validator needs ~5 s of CPU for the whole web pact (60 interactions, 0.7 s for one); on a loaded 2-core machine
 * that can be a minute of wall time, so each run gets a generous cap and the three run one after another (no timing
 * is asserted). The whole pact is validated once; the two failure cases validate only the interactions they break,
 * which is what they prove (the validator sees that fault), at a tenth of the cost.
 */
const VALIDATOR_LIMIT_MS = 180_000;

async function validate(document: string, pact: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, document, pact], { timeout: VALIDATOR_LIMIT_MS });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Json;
/** The pact with only the interactions `keep` selects (at least one: a filter matching nothing is a broken test). */
function only(pact: Json, keep: (interaction: Json) => boolean): Json {
  const interactions = (pact.interactions as Json[]).filter(keep);
  if (interactions.length === 0) throw new Error('no interaction of the web → gateway pact matches');
  return { ...pact, interactions };
}

test.serial('every interaction of the web → gateway pact is allowed by the OpenAPI document', async (t) => {
  t.timeout(VALIDATOR_LIMIT_MS);
  const result = await validate(DOCUMENT, PACT);
  t.true(result.ok, result.output);
  t.regex(result.output, /0 error\(s\)/);
});

test.serial('a consumer expectation the document does not allow fails (an unknown field in a response)', async (t) => {
  t.timeout(VALIDATOR_LIMIT_MS);
  const dir = createTempDir('ledgerline-bdct-');
  t.teardown(() => dir.remove());
  const pact = only(read(PACT), (interaction) => interaction.request.path === '/api/v1/auth/login' && interaction.response.status === 200);
  pact.interactions[0].response.body.content.sessionId = 'not in the document';
  writeFileSync(join(dir.dir, 'web-gateway.json'), JSON.stringify(pact));
  const result = await validate(DOCUMENT, join(dir.dir, 'web-gateway.json'));
  t.false(result.ok);
  t.regex(result.output, /response\.body\.incompatible/);
});

test.serial('a document change that breaks a recorded expectation fails (a route the web UI calls removed)', async (t) => {
  t.timeout(VALIDATOR_LIMIT_MS);
  const dir = createTempDir('ledgerline-bdct-');
  t.teardown(() => dir.remove());
  const document = read(DOCUMENT);
  delete document.paths['/api/v1/portfolios/{id}/performance'];
  writeFileSync(join(dir.dir, 'openapi.json'), JSON.stringify(document));
  const pact = only(read(PACT), (interaction) => /^\/api\/v1\/portfolios\/[^/]+\/performance$/.test(interaction.request.path));
  writeFileSync(join(dir.dir, 'web-gateway.json'), JSON.stringify(pact));
  const result = await validate(join(dir.dir, 'openapi.json'), join(dir.dir, 'web-gateway.json'));
  t.false(result.ok);
  t.regex(result.output, /request\.path-or-method\.unknown/);
});
