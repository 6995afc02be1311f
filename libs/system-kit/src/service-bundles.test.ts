import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { createTempDir } from '@ledgerline/test-kit';
import { BUNDLED_SERVICES, CACHE_DIR, keepImportMeta, serviceBundles, serviceEntries } from './service-bundles.ts';

/** A repository of four stand-in services and a database kit: what the bundler builds from. */
function fakeRepo(t: { teardown(fn: () => void): void }) {
  const temp = createTempDir('ledgerline-bundles-');
  t.teardown(() => temp.remove());
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(temp.dir, path)), { recursive: true });
    writeFileSync(join(temp.dir, path), text);
  };
  for (const service of BUNDLED_SERVICES) {
    write(`services/${service}/package.json`, '{}');
    write(`services/${service}/src/app.ts`, `import { kit } from '../../../libs/db-kit/src/index.ts';\nexport const app: string = '${service}' + kit;\n`);
    write(`services/${service}/src/main.ts`, `export { app } from './app.ts';\nexport const version: number = 1;\nexport const here = import.meta.dirname;\nexport const url = import.meta.url;\n`);
  }
  write('libs/db-kit/package.json', '{}');
  write('libs/db-kit/src/index.ts', `export const kit = '+kit';\n`);
  write('package-lock.json', '{}');
  return { root: temp.dir, write };
}

const load = async (path: string) => (await import(pathToFileURL(path).href)) as { app: string; version: number; here: string; url: string };

test('a bundled module keeps its own source path in import.meta (migrations, the web build and the OpenAPI file are found as from source)', (t) => {
  const code = 'const a = import.meta.url; const b = import.meta.dirname; const c = import.meta.filename; const d = import.meta.main;';
  t.is(
    keepImportMeta(code, '/repo/services/auth/migrations/index.ts'),
    'const a = "file:///repo/services/auth/migrations/index.ts"; const b = "/repo/services/auth/migrations"; const c = "/repo/services/auth/migrations/index.ts"; const d = import.meta.main;',
  );
  t.is(keepImportMeta('export const a = 1;', '/repo/x.ts'), null, 'code without import.meta is left as it is');
});

test('the services are bundled from their sources, and a changed source gives a new bundle, never the stale one', async (t) => {
  const repo = fakeRepo(t);
  const first = await serviceBundles(repo.root);
  t.true(first.startsWith(join(repo.root, CACHE_DIR)));
  const gateway = serviceEntries(first, 'gateway');
  for (const preload of gateway.preload) t.true(readdirSync(first).includes(preload.slice(first.length + 1)), preload);
  const built = await load(gateway.main);
  t.is(built.app, 'gateway+kit');
  t.is(built.version, 1);
  t.is(built.here, join(repo.root, 'services/gateway/src'), "import.meta.dirname is the source file's folder");
  t.is(built.url, pathToFileURL(join(repo.root, 'services/gateway/src/main.ts')).href);

  t.is(await serviceBundles(repo.root), first, 'unchanged sources: the same bundle, not built again');
  repo.write('services/gateway/src/main.test.ts', 'export {};\n');
  t.is(await serviceBundles(repo.root), first, 'a test file is not part of the bundle');

  repo.write('services/gateway/src/main.ts', `export { app } from './app.ts';\nexport const version: number = 2;\n`);
  const second = await serviceBundles(repo.root);
  t.not(second, first);
  t.is((await load(serviceEntries(second, 'gateway').main)).version, 2);

  repo.write('libs/db-kit/src/index.ts', `export const kit = '+kit2';\n`);
  const third = await serviceBundles(repo.root);
  t.not(third, second, 'a library the services import counts too');
  t.is((await load(serviceEntries(third, 'gateway').main)).app, 'gateway+kit2');
  t.is((await load(serviceEntries(third, 'auth').main)).app, 'auth+kit2');
});

test('a source that does not parse fails the start with the file and the error, and publishes nothing', async (t) => {
  const repo = fakeRepo(t);
  repo.write('services/portfolio/src/app.ts', 'export const app = ;\n');
  const error = await t.throwsAsync(serviceBundles(repo.root));
  t.regex(error.message, /^The services could not be bundled from their sources/);
  t.regex(error.message, /services\/portfolio\/src\/app\.ts/);
  t.regex(error.message, /Unexpected token|Expected/i);
  const cache = join(repo.root, CACHE_DIR);
  t.deepEqual(readdirSync(cache), [], 'nothing is published: the next start tries again');
});
