/**
 * Guardrail `one-entity-per-table` (seed 002: two `User` models for one table): every `defineEntity({...})`
 * (and `new EntitySchema({...})`) outside `*.test.ts` maps to its own table, and lives in the service that owns
 * the table (`services/<service>/src/**`); libs and harnesses define none. Test files may define throwaway
 * entities for their own in-memory databases.
 */
import ts from 'typescript';
import type { Violation } from './violation.ts';
import { calleeName, isTestFileName, lineOf, listSourceFiles, parseSource, walk } from './source-files.ts';

export const RULE = 'one-entity-per-table';

/**
 * Places allowed to define an entity outside a service. Each needs a reason.
 * - perf/src/reference/: the performance layer's reference point (a bare primary-key read on its own
 *   throwaway database in the temp dir) — a benchmark yardstick, not a table of the system.
 */
export const OUTSIDE_SERVICES_ALLOWED = [/^perf\/src\/reference\//];

export interface EntityDefinition {
  file: string;
  line: number;
  name: string | undefined;
  table: string | undefined;
}

/** MikroORM's UnderscoreNamingStrategy.classToTableName: `AppliedTrade` → `applied_trade`. */
export function tableNameFor(entityName: string): string {
  return entityName.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Every entity definition in non-test sources, with the table it maps to (tableName, else snake_case of name). */
export function findEntityDefinitions(root: string): EntityDefinition[] {
  const found: EntityDefinition[] = [];
  for (const file of listSourceFiles(root).filter((f) => !isTestFileName(f))) {
    const source = parseSource(root, file);
    walk(source, (node) => {
      const options = entityOptions(node);
      if (!options) return;
      const name = stringProperty(options, 'name');
      const table = stringProperty(options, 'tableName') ?? stringProperty(options, 'collection') ?? (name ? tableNameFor(name) : undefined);
      found.push({ file, line: lineOf(source, node), name, table });
    });
  }
  return found;
}

/** Duplicate tables (each place reported, naming the other) and entities defined outside a service's src/. */
export function checkOneEntityPerTable(root: string): Violation[] {
  const definitions = findEntityDefinitions(root);
  const violations: Violation[] = [];
  const byTable = Map.groupBy(definitions.filter((d) => d.table), (d) => d.table!);
  for (const [table, defs] of byTable) {
    if (defs.length < 2) continue;
    for (const def of defs) {
      const others = defs.filter((o) => o !== def).map((o) => `${o.file}:${o.line}`).join(', ');
      violations.push({ file: def.file, line: def.line, rule: RULE, message: `table '${table}' is also defined at ${others}: one canonical entity per table` });
    }
  }
  for (const def of definitions) {
    if (!def.table) {
      violations.push({ file: def.file, line: def.line, rule: RULE, message: 'entity name/tableName is not a string literal, so its table cannot be checked' });
    }
    if (!/^services\/[^/]+\/src\//.test(def.file) && !OUTSIDE_SERVICES_ALLOWED.some((allowed) => allowed.test(def.file))) {
      violations.push({ file: def.file, line: def.line, rule: RULE, message: `entity ${def.name ?? '?'} (table '${def.table ?? '?'}') is defined outside services/<service>/src/: only the owning service defines its tables (throwaway test entities belong in *.test.ts)` });
    }
  }
  return violations;
}

/** The options object of `defineEntity({...})` or `new EntitySchema({...})`, when node is one. */
function entityOptions(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  const isDefine = ts.isCallExpression(node) && calleeName(node.expression) === 'defineEntity';
  const isSchema = ts.isNewExpression(node) && calleeName(node.expression) === 'EntitySchema';
  if (!isDefine && !isSchema) return undefined;
  const first = (node as ts.CallExpression | ts.NewExpression).arguments?.[0];
  return first && ts.isObjectLiteralExpression(first) ? first : undefined;
}

function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const prop of object.properties) {
    if (ts.isPropertyAssignment(prop) && propertyKey(prop.name) === key && ts.isStringLiteralLike(prop.initializer)) return prop.initializer.text;
  }
  return undefined;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}
