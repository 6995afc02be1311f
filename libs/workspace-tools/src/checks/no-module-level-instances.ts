/**
 * Guardrail `no-module-level-instances` (seed 004: a registry cached singletons holding closed sessions):
 * production code keeps no ORM, EntityManager, repository, client or app at module scope. Such objects are made
 * by the composition root (`createApp(deps)`, main.ts) and per request (`ctx.state.em`). Module-level constants
 * (regexes, zod schemas, frozen config objects) are fine.
 */
import ts from 'typescript';
import type { Violation } from './violation.ts';
import { calleeName, isTestFileName, lineOf, listSourceFiles, parseSource, walk } from './source-files.ts';

export const RULE = 'no-module-level-instances';

/** Classes whose instances hold a connection or request state. */
const HOLDER_CLASS = /(?:Client|Repository|EntityManager|MikroORM|Orm)$/;
/** Calls that open a connection, make an app, or fetch remote keys. */
const HOLDER_CALLS = new Set(['openOrm', 'createApp', 'remoteKeys', 'createRemoteJWKSet', 'fork']);

/** Production sources: services/<name>/src and libs/<name>/src, without tests, test helpers, entry points and tool libs. */
export function isProductionFile(rel: string): boolean {
  if (!/^(services|libs)\/[^/]+\/src\//.test(rel)) return false;
  if (/^libs\/(test-kit|contract-kit|system-kit|workspace-tools)\//.test(rel)) return false;
  if (isTestFileName(rel)) return false;
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  return !/^(testing|main)\.[cm]?tsx?$/.test(base);
}

/** Why an expression creates or holds a connection/request-scoped object, or undefined. Function bodies are skipped. */
export function holderReason(expression: ts.Node): string | undefined {
  let reason: string | undefined;
  const inspect = (node: ts.Node): boolean => {
    if (reason || ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
    if (ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name && HOLDER_CLASS.test(name)) reason = `new ${name}()`;
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      const target = ts.isPropertyAccessExpression(node.expression) ? calleeName(node.expression.expression) : undefined;
      if (name === 'init' && target === 'MikroORM') reason = 'MikroORM.init()';
      else if (name && HOLDER_CALLS.has(name)) reason = `${ts.isPropertyAccessExpression(node.expression) ? '.' : ''}${name}()`;
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'em') {
      reason = '.em access';
    }
    return !reason;
  };
  if (inspect(expression)) walk(expression, inspect);
  return reason;
}

/** Module-scope variables (and default exports) in production code that create or hold such an object. */
export function checkNoModuleLevelInstances(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root).filter(isProductionFile)) {
    const source = parseSource(root, file);
    const report = (node: ts.Node, what: string, reason: string) => violations.push({
      file, line: lineOf(source, node), rule: RULE,
      message: `${what} holds ${reason} at module scope: build it in the composition root (createApp(deps) / main.ts) or per request (ctx.state.em)`,
    });
    const moduleLets = new Set<string>();
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          const name = decl.name.getText(source);
          if (ts.isIdentifier(decl.name) && !(statement.declarationList.flags & ts.NodeFlags.Const)) moduleLets.add(name);
          const reason = decl.initializer && holderReason(decl.initializer);
          if (reason) report(decl, `'${name}'`, reason);
        }
      } else if (ts.isExportAssignment(statement)) {
        const reason = holderReason(statement.expression);
        if (reason) report(statement, 'the default export', reason);
      }
    }
    // A module-level `let` filled later (`orm ??= await openOrm(...)` inside a getter) is the same singleton.
    walk(source, (node) => {
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isIdentifier(node.left) && moduleLets.has(node.left.text)) {
        const reason = holderReason(node.right);
        if (reason && !shadowed(node, node.left.text)) report(node, `module-level '${node.left.text}' (assigned here)`, reason);
      }
    });
  }
  return violations;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}

/** True when a function or block between node and the module declares its own variable of that name. */
function shadowed(node: ts.Node, name: string): boolean {
  for (let scope = node.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    let declares = false;
    scope.forEachChild((child) => {
      if (ts.isVariableStatement(child)) declares ||= child.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
    });
    if (ts.isFunctionLike(scope)) declares ||= scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (declares) return true;
  }
  return false;
}
