/**
 * Shared plumbing for the AST guardrails: the repo's TypeScript sources (walked from disk, so untracked work
 * is checked too), parsed with the `typescript` compiler API, plus path classification and module specifiers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Directories never scanned: dependencies, build output, tool state and git-ignored test reports. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage']);
const SKIPPED_PATHS = new Set(['data', 'e2e/report', 'e2e/test-results', 'perf/results', 'contracts']);

/** Repo-relative posix paths of every `.ts`/`.tsx`/`.mts`/`.cts` source under root (declaration files excluded). */
export function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(path)) walk(path);
      } else if (entry.isFile() && /\.[cm]?tsx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk('');
  return found.sort();
}

/**
 * Parse one repo file (no type checking: syntax only, so it is fast and needs no tsconfig). With `mustContain`,
 * a file whose text does not contain it is not parsed (undefined): a check looking for a name skips, exactly, the
 * files that cannot hold it.
 */
export function parseSource(root: string, rel: string): ts.SourceFile;
export function parseSource(root: string, rel: string, mustContain: string): ts.SourceFile | undefined;
export function parseSource(root: string, rel: string, mustContain?: string): ts.SourceFile | undefined {
  const text = readFileSync(join(root, rel), 'utf8');
  if (mustContain !== undefined && !text.includes(mustContain)) return undefined;
  const kind = rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, kind);
}

/** 1-based line of a node's first token. */
export function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Visit every node below `node`, depth first. Return false from `visit` to skip a node's children. */
export function walk(node: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  node.forEachChild((child) => {
    if (visit(child) !== false) walk(child, visit);
  });
}

export interface ModuleReference {
  specifier: string;
  line: number;
}

/** Every module a file names with a literal: import/export-from (type-only too), dynamic import(), require(). */
export function moduleReferences(source: ts.SourceFile): ModuleReference[] {
  const refs: ModuleReference[] = [];
  const add = (literal: ts.Expression | undefined, at: ts.Node) => {
    if (literal && ts.isStringLiteralLike(literal)) refs.push({ specifier: literal.text, line: lineOf(source, at) });
  };
  walk(source, (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node);
    else if (ts.isCallExpression(node)) {
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isImport || isRequire) add(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal as ts.Expression, node);
  });
  return refs;
}

/** The test-side of the repo: unit tests, service test folders, e2e, perf, and the test/contract/system kits. */
export function isTestPath(rel: string): boolean {
  return (
    /\.test\.[cm]?tsx?$/.test(rel) ||
    /^services\/[^/]+\/test\//.test(rel) ||
    /^(e2e|perf)\//.test(rel) ||
    /^libs\/(test-kit|contract-kit|system-kit)\//.test(rel)
  );
}

/** `*.test.ts` (and .tsx/.mts/.cts) files. */
export function isTestFileName(rel: string): boolean {
  return /\.test\.[cm]?tsx?$/.test(rel);
}

/** The last name of a callee or constructor: `openOrm` for `openOrm()`, `init` for `MikroORM.init()`. */
export function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}
