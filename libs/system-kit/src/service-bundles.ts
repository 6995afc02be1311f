/**
 * The services as the system kit runs them: each service's `app.ts` and `main.ts` (and the database kit) bundled
 * into a few files, built from the current sources whenever they changed.
 *
 * Why: a service's process spent most of its start importing its module graph — about 940 modules (kysely alone
 * 254, MikroORM 170, zod 95, jose 46) at 0.4 s of CPU, most of it Node's loader resolving and reading files — and a
 * run of `npm test` starts about 28 of them (system, resilience, e2e). Bundled, the same code loads from a few files
 * in about half the time (TESTING.md has the measurement).
 *
 * Never stale: the bundles live in a folder named by a hash of everything they are built from (the services'
 * and libraries' sources, their package.json and tsconfig files, the lock file, this file), so a change to any of
 * them gives a new folder, built before the first service of the system starts. Built into a temp folder and renamed
 * into place: processes that start systems at the same time (two layers side by side) never see half a bundle; the
 * loser of the race uses the winner's. Folders of older sources are removed once an hour old. The bundled code is the
 * source code: only `import.meta.url` / `dirname` /
 * `filename` are set to each module's own source path, so files found next to a module (migrations, the web UI's
 * build, the OpenAPI document) are found exactly as from source.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const BUNDLED_SERVICES = ['auth', 'portfolio', 'transaction', 'gateway'] as const;
export type BundledService = (typeof BUNDLED_SERVICES)[number];
/** Where the bundle folders live, under the repository (in node_modules: the external packages resolve from there). */
export const CACHE_DIR = 'node_modules/.cache/ledgerline-services';
/** The database drivers' packages (native code, optional native bindings) stay outside and load from node_modules. */
const EXTERNAL = ['better-sqlite3', 'pg'];

/** The entries of one service in a bundle folder: what to load first (while waiting for the environment), then main. */
export interface ServiceEntries {
  preload: string[];
  main: string;
}

/** The source files a bundle is built from: every service's and library's sources (no tests), in a stable order. */
export function bundleInputs(root = REPO_ROOT): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|json|sql)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(path);
    }
  };
  for (const group of ['services', 'libs']) {
    for (const project of readdirSync(join(root, group)).sort()) {
      walk(join(root, group, project, 'src'));
      walk(join(root, group, project, 'migrations'));
      for (const config of ['package.json', 'tsconfig.json']) files.push(join(root, group, project, config));
    }
  }
  for (const entry of readdirSync(root)) if (/^(package-lock|tsconfig.*)\.json$/.test(entry)) files.push(join(root, entry));
  files.push(fileURLToPath(import.meta.url));
  return files.filter((file) => existsSync(file)).sort();
}

/** A hash of the inputs' paths and contents: the bundle folder's name. */
export function bundleHash(root = REPO_ROOT): string {
  const hash = createHash('sha256');
  for (const file of bundleInputs(root)) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The entries of `service` in the bundle folder `dir`. */
export function serviceEntries(dir: string, service: BundledService): ServiceEntries {
  return { preload: [join(dir, `${service}-app.js`), join(dir, 'db-kit.js')], main: join(dir, `${service}-main.js`) };
}

/** The entries of `service` as sources (what the bundle is built from; LEDGERLINE_SERVICES=source runs them). */
export function sourceEntries(service: BundledService, root = REPO_ROOT): ServiceEntries {
  const src = join(root, 'services', service, 'src');
  return { preload: [join(src, 'app.ts'), join(root, 'libs/db-kit/src/index.ts')], main: join(src, 'main.ts') };
}

/** `import.meta.url`, `.dirname` and `.filename` of a bundled module: its own source file's. */
export function keepImportMeta(code: string, file: string): string | null {
  if (!code.includes('import.meta.')) return null;
  return code
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href))
    .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(file)))
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(file));
}

async function build(dir: string, root: string): Promise<void> {
  const { build: rolldown } = await import('rolldown');
  const input: Record<string, string> = { 'db-kit': join(root, 'libs/db-kit/src/index.ts') };
  for (const service of BUNDLED_SERVICES) {
    const src = join(root, 'services', service, 'src');
    input[`${service}-app`] = join(src, 'app.ts');
    input[`${service}-main`] = join(src, 'main.ts');
  }
  await rolldown({
    input,
    platform: 'node',
    cwd: root,
    external: (id) => id.startsWith('node:') || EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`)),
    logLevel: 'silent',
    plugins: [
      {
        name: 'ledgerline-import-meta',
        transform(code: string, id: string) {
          const file = id.split('?')[0];
          const changed = keepImportMeta(code, file);
          return changed === null ? null : { code: changed, map: null };
        },
      },
    ],
    output: { dir, format: 'esm', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunk-[hash].js' },
  });
}

const building = new Map<string, Promise<string>>();

/**
 * The bundle folder for the current sources, built first when there is none (about a second); one build per hash
 * per process, and a folder once published is never changed.
 */
export function serviceBundles(root = REPO_ROOT): Promise<string> {
  const hash = bundleHash(root);
  let pending = building.get(hash);
  if (!pending) {
    pending = publish(hash, root);
    building.set(hash, pending);
    pending.catch(() => building.delete(hash));
  }
  return pending;
}

async function publish(hash: string, root: string): Promise<string> {
  const cache = join(root, CACHE_DIR);
  const dir = join(cache, hash);
  if (existsSync(join(dir, 'gateway-main.js'))) return dir;
  mkdirSync(cache, { recursive: true });
  const temp = join(cache, `.${hash}-${process.pid}-${Date.now()}`);
  try {
    try {
      await build(temp, root);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The services could not be bundled from their sources (libs/system-kit/src/service-bundles.ts):\n${reason}`, { cause: error });
    }
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another process published the same hash first: use its folder.
      if (!existsSync(join(dir, 'gateway-main.js'))) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  // Folders of older sources (and builds that died half-way) are removed once an hour old: a system started from one
  // a moment ago may still restart a service from it.
  const stale = Date.now() - 3_600_000;
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (entry !== hash && statSync(path).mtimeMs < stale) rmSync(path, { recursive: true, force: true });
  }
  return dir;
}
