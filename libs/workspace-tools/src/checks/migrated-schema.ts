/**
 * Guardrail `migrated-schema` (issue 14): a schema the developer's data lives in changes only through migrations.
 * - Outside the test side of the repo, nothing calls MikroORM's schema generator (`orm.schema.update()`, `create()`,
 *   `refresh()`, …): a renamed column would become a drop and an add on the next start. The database kit's own tests
 *   and the test kit (test databases) may.
 * - Every service that owns tables (`src/entities.ts`) has its migrations (`migrations/index.ts`,
 *   `migrations/sqlite/index.ts`), a `migrations` Nx target running `test/migrations.test.ts` (the drift check and the
 *   upgrade tests), and a `migration:create` script — so no service can escape the drift check.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { Violation } from './violation.ts';
import { isTestPath, lineOf, listSourceFiles, parseSource, walk } from './source-files.ts';

export const RULE = 'migrated-schema';

const GENERATOR_METHODS = new Set(['update', 'create', 'refresh', 'drop', 'updateSchema', 'createSchema', 'refreshDatabase', 'dropSchema']);

/** `x.schema.update()` and friends: a call on a property named `schema`. */
function schemaGeneratorCall(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const { expression: target, name } = node.expression;
  if (!GENERATOR_METHODS.has(name.text) || !ts.isPropertyAccessExpression(target) || target.name.text !== 'schema') return undefined;
  return `schema.${name.text}()`;
}

const REQUIRED_FILES = ['migrations/index.ts', 'migrations/sqlite/index.ts', 'test/migrations.test.ts'];

export function checkMigratedSchema(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root).filter((f) => !isTestPath(f))) {
    // A generator call names `schema`: the files that do not are not parsed (most of the repo).
    const source = parseSource(root, file, 'schema');
    if (!source) continue;
    walk(source, (node) => {
      const call = schemaGeneratorCall(node);
      if (call) violations.push({ file, line: lineOf(source, node), rule: RULE, message: `${call} changes a schema without a migration: production databases are built by migrations (openOrm with the service's migrations); only test databases use the schema generator (@ledgerline/test-kit)` });
    });
  }
  const services = join(root, 'services');
  for (const name of existsSync(services) ? readdirSync(services) : []) {
    if (!existsSync(join(services, name, 'src/entities.ts'))) continue;
    for (const required of REQUIRED_FILES.filter((f) => !existsSync(join(services, name, f)))) {
      violations.push({ file: `services/${name}/${required}`, line: 0, rule: RULE, message: `${name} owns tables (src/entities.ts) but has no ${required} (see README, "Changing the schema")` });
    }
    const manifest = join(services, name, 'package.json');
    const pkg = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string>; nx?: { targets?: Record<string, unknown> } }) : {};
    if (!pkg.nx?.targets?.migrations) {
      violations.push({ file: `services/${name}/package.json`, line: 0, rule: RULE, message: `${name} owns tables but has no "migrations" Nx target (the drift check and upgrade tests run as nx run ${name}:migrations; nx.json gives it its command)` });
    }
    if (!pkg.scripts?.['migration:create']) {
      violations.push({ file: `services/${name}/package.json`, line: 0, rule: RULE, message: `${name} owns tables but has no "migration:create" script (npx nx run ${name}:migration:create writes the next migration)` });
    }
  }
  return violations;
}
