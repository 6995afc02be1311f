/**
 * Writes contracts/openapi/openapi.json from the schemas (`npm run openapi`), or with `--check` fails when the committed
 * file differs from what the schemas generate (CI runs that).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from './openapi-document.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../../../contracts/openapi/openapi.json', import.meta.url));
export const renderOpenApi = () => `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (import.meta.main) {
  const generated = renderOpenApi();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_FILE, 'utf8');
    } catch {
      // missing: differs
    }
    if (committed !== generated) {
      console.error('contracts/openapi/openapi.json is not what the schemas generate: run `npm run openapi` and commit it.');
      process.exit(1);
    }
    console.log('contracts/openapi/openapi.json matches the schemas.');
  } else {
    writeFileSync(OPENAPI_FILE, generated);
    console.log(`wrote ${OPENAPI_FILE}`);
  }
}
