/**
 * Guardrail `no-dev-data-in-tests` (isolation rules 1 and 2, seed 003): no test-side file names a path under
 * ./data/ (the developers' databases) or uses DEV_DATA_DIR, and none imports a `config` or `main` module.
 * The script equivalent of the ESLint rule, for CI, over a wider set of files (the test/contract/system kits too).
 */
import ts from 'typescript';
import type { Violation } from './violation.ts';
import { calleeName, isTestPath, lineOf, listSourceFiles, moduleReferences, parseSource, walk } from './source-files.ts';

export const RULE = 'no-dev-data-in-tests';

/**
 * Files allowed to name ./data/, each with the reason. Keep this list short: every entry is a hole in rule 1.
 */
export const DEV_DATA_ALLOWED: Record<string, string> = {
  // The database kit's own guard test: it deliberately points openOrm/assertDatabaseAllowed at ./data/ (relative,
  // dotted, absolute and through a symlink) and proves every attempt is refused before anything touches the disk.
  'libs/db-kit/src/guard.test.ts': 'proves that openOrm refuses ./data/ under a test runner',
};

/** A string value that starts as a path into ./data/: `data/x`, `./data`, `../../data/x.sqlite`. */
const DATA_PATH = /^(?:\.{1,2}\/)*data(?:\/|$)/;
/** A path that reaches ./data/ in its middle: `/srv/app/./data/x`, `root/../data/x` (only in strings without spaces). */
const EMBEDDED_DATA_PATH = /(?:^|[^\w.])\.{1,2}\/data(?:\/|$)/;
/** The text after a template substitution that continues into ./data/: `${root}/data/x.sqlite`. */
const DATA_CONTINUATION = /^\/data(?:\/|$)/;
/** A module that is production configuration or an entry point (same patterns as the ESLint rule). */
const CONFIG_OR_MAIN = /(?:^|\/)(?:config|main)(?:\.[cm]?[jt]sx?)?$/;
const PATH_JOINERS = new Set(['join', 'resolve']);

/** Violations of rule 1 (paths under ./data/, DEV_DATA_DIR) and rule 2 (config/main imports) in test-side files. */
export function checkNoDevDataInTests(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root).filter(isTestPath)) {
    const source = parseSource(root, file);
    const report = (node: ts.Node, message: string) => violations.push({ file, line: lineOf(source, node), rule: RULE, message });
    if (!(file in DEV_DATA_ALLOWED)) {
      walk(source, (node) => {
        const problem = devDataReference(node);
        if (problem) report(node, `${problem}: tests get databases only from @ledgerline/test-kit (createTestOrm, createTempDir), never under ./data/`);
      });
    }
    for (const ref of moduleReferences(source)) {
      if (CONFIG_OR_MAIN.test(ref.specifier)) {
        violations.push({ file, line: ref.line, rule: RULE, message: `imports '${ref.specifier}': tests never import production configuration or entry points (only main.ts reads config.ts)` });
      }
    }
  }
  return violations;
}

/** Why a node names the developers' data directory, or undefined when it does not. */
function devDataReference(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) && node.text === 'DEV_DATA_DIR') return 'uses DEV_DATA_DIR';
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
    if (node.text === 'data') return isPathJoinArgument(node) ? `joins 'data' into a path` : undefined;
    if (isDataPath(node.text)) return `names '${node.text}'`;
  }
  if ((ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && (isDataPath(node.text) || DATA_CONTINUATION.test(node.text))) {
    return `builds a path into /data/ ('…${node.text}')`;
  }
  return undefined;
}

/**
 * A path into ./data/. Text with spaces is prose (a test title such as 'refuses ./data/ under a test runner',
 * an assertion message): it only counts when it starts with the path.
 */
function isDataPath(text: string): boolean {
  return DATA_PATH.test(text) || (!/\s/.test(text) && EMBEDDED_DATA_PATH.test(text));
}

/** `join(root, 'data', …)` / `path.resolve('data')`: a bare 'data' only counts as a path segment there. */
function isPathJoinArgument(node: ts.Node): boolean {
  const call = node.parent;
  return !!call && ts.isCallExpression(call) && call.arguments.includes(node as ts.Expression) && PATH_JOINERS.has(calleeName(call.expression) ?? '');
}
