/**
 * Guardrail `no-cross-service-imports`: services talk over HTTP through typed clients in libs/, so no file under
 * services/A/ imports code of services/B/ (by relative path or by B's package name), and no lib imports a
 * service. perf/ and e2e/ are harnesses, not services or libs, and may load services.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Violation } from './violation.ts';
import { listSourceFiles, moduleReferences, parseSource } from './source-files.ts';

export const RULE = 'no-cross-service-imports';

/** Files allowed to reach another service, each with the reason. */
export const CROSS_SERVICE_ALLOWED: Record<string, string> = {
  // The gateway's provider verification runs the real auth, portfolio and transaction services behind the real
  // gateway; it loads them by path at run time (a static import would make an Nx cycle: they depend on the
  // gateway's pacts), and the gateway's contract target lists their sources as inputs.
  'services/gateway/test/support/stack.ts': "the gateway's provider verification runs the real services",
};

/** Service folder name → its npm package name (`auth` → `@ledgerline/auth`), from services/<name>/package.json. */
export function servicePackages(root: string): Map<string, string> {
  const dir = join(root, 'services');
  const packages = new Map<string, string>();
  if (!existsSync(dir)) return packages;
  for (const name of readdirSync(dir)) {
    const manifest = join(dir, name, 'package.json');
    packages.set(name, existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')).name ?? `@ledgerline/${name}`) : `@ledgerline/${name}`);
  }
  return packages;
}

/** The service a module specifier reaches from `file` (a relative path into services/X/ or X's package), if any. */
export function targetService(file: string, specifier: string, packages: Map<string, string>): string | undefined {
  if (specifier.startsWith('.')) {
    const resolved = posix.normalize(posix.join(posix.dirname(file), specifier));
    return /^services\/([^/]+)(?:\/|$)/.exec(resolved)?.[1];
  }
  for (const [service, pkg] of packages) {
    if (specifier === pkg || specifier.startsWith(`${pkg}/`)) return service;
  }
  return undefined;
}

/** Imports from one service into another, and from any lib into a service. */
export function checkNoCrossServiceImports(root: string): Violation[] {
  const packages = servicePackages(root);
  const violations: Violation[] = [];
  for (const file of listSourceFiles(root)) {
    const owner = /^services\/([^/]+)\//.exec(file)?.[1];
    const lib = /^libs\/([^/]+)\//.exec(file)?.[1];
    if ((!owner && !lib) || file in CROSS_SERVICE_ALLOWED) continue;
    for (const ref of moduleReferences(parseSource(root, file))) {
      const target = targetService(file, ref.specifier, packages);
      if (!target || target === owner) continue;
      const message = owner
        ? `services/${owner} imports '${ref.specifier}' from services/${target}: services talk over HTTP through a typed client in libs/`
        : `libs/${lib} imports '${ref.specifier}' from services/${target}: libs never depend on a service`;
      violations.push({ file, line: ref.line, rule: RULE, message });
    }
  }
  return violations;
}
