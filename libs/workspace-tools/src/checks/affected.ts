/**
 * Proof that `nx affected` picks the right projects: `node libs/workspace-tools/src/checks/affected.ts`.
 * Works on the real repo without touching the tree: for each case it asks
 * `npx nx show projects --affected --files=<file> --withTarget <target> --json` and compares the answer with
 * the expectation. Each case names the projects that MUST re-run (correctness) and the ones Nx MAY also select
 * (affected is per project, not per target, so a graph edge made for one target drags in the others), each with
 * the reason. Anything else selected, or a required project missing, fails. It also proves every provider's
 * `contract` target has `{workspaceRoot}/contracts/*-<provider>.json` among its inputs (`nx show project`), so
 * a changed pact re-runs the verification and the cache never serves a stale one.
 * Prints a table case → expected → actual → ok; exits 1 on any mismatch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../discover.ts';
import { nxEnv } from '../nx-env.ts';

export interface ProjectManifest {
  name: string;
  root: string;
  targets: string[];
  /** Projects this one depends on: workspace packages in (dev/peer) dependencies, and nx.implicitDependencies. */
  dependsOn: string[];
}

/** Every workspace project (root package.json `workspaces`), read from its package.json: no Nx involved. */
export function readManifests(root: string): ProjectManifest[] {
  const workspaces: string[] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces ?? [];
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return existsSync(join(root, parent)) ? readdirSync(join(root, parent)).map((name) => `${parent}/${name}`) : [];
  });
  const raw = dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) }));
  const byPackage = new Map(raw.map(({ pkg }) => [pkg.name as string, (pkg.nx?.name ?? pkg.name) as string]));
  return raw.map(({ dir, pkg }) => {
    const packages = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
    const implicit: string[] = (pkg.nx?.implicitDependencies ?? []).filter((name: string) => !name.startsWith('!'));
    return {
      name: pkg.nx?.name ?? pkg.name,
      root: dir,
      targets: [...new Set([...Object.keys(pkg.scripts ?? {}), ...Object.keys(pkg.nx?.targets ?? {})])],
      dependsOn: [...new Set([...packages.filter((p) => byPackage.has(p)).map((p) => byPackage.get(p)!), ...implicit])],
    };
  });
}

/** The project and everything that depends on it, directly or transitively. */
export function dependentsOf(manifests: readonly ProjectManifest[], project: string): string[] {
  const found = new Set([project]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of manifests) {
      if (!found.has(m.name) && m.dependsOn.some((d) => found.has(d))) {
        found.add(m.name);
        grew = true;
      }
    }
  }
  return [...found].sort();
}

/** Names of the projects that have a target. */
export function withTarget(manifests: readonly ProjectManifest[], target: string, names: readonly string[]): string[] {
  const has = new Set(manifests.filter((m) => m.targets.includes(target)).map((m) => m.name));
  return names.filter((name) => has.has(name)).sort();
}

export interface AffectedCase {
  file: string;
  target: string;
  /** Projects that must be selected: skipping them could ship a broken change. */
  required: string[];
  /** Projects that may be selected too, and why (over-selection costs time, never correctness). */
  tolerated: Record<string, string>;
}

export interface Verdict {
  ok: boolean;
  missing: string[];
  unexpected: string[];
}

/** A case holds when every required project is selected and nothing beyond required ∪ tolerated is. */
export function judge(c: AffectedCase, actual: readonly string[]): Verdict {
  const missing = c.required.filter((p) => !actual.includes(p));
  const unexpected = actual.filter((p) => !c.required.includes(p) && !(p in c.tolerated));
  return { ok: missing.length === 0 && unexpected.length === 0, missing, unexpected };
}

const WHY = {
  authPact: "auth's verification reads the pact this project writes (auth.implicitDependencies); affected is per project, so its other targets come along",
  gatewayRunsServices: "gateway's contract inputs list services/{auth,portfolio,transaction}/src/**/*.ts: its provider verification runs the real services",
  verifiesGateway: "it verifies the gateway's pact (implicitDependencies: gateway), and the gateway is affected",
  e2eRunsServices: "web's e2e inputs list services/*/src/**/*.ts and libs/*/src/**/*.ts: the journeys run every service",
  usesSystemKit: 'it depends on system-kit; its own unit tests do not start the system, so they are served from the cache',
};

/** Pact files in contracts/ and the provider each names (`gateway-auth.json` → auth). */
export function pactProviders(root: string, projects: readonly string[]): { file: string; provider: string }[] {
  const dir = join(root, 'contracts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'boundaries.json')
    .sort()
    .flatMap((name) => {
      const provider = projects.find((p) => name.endsWith(`-${p}.json`));
      return provider ? [{ file: `contracts/${name}`, provider }] : [];
    });
}

/** The cases, with expectations from the declared wiring (package.json dependencies and implicitDependencies). */
export function affectedCases(root: string): AffectedCase[] {
  const manifests = readManifests(root);
  const dependents = (project: string, target: string) => withTarget(manifests, target, dependentsOf(manifests, project));
  const tolerate = (names: readonly string[], why: string) => Object.fromEntries(names.map((name) => [name, why]));
  const cases: AffectedCase[] = [
    {
      file: 'services/portfolio/src/x.ts',
      target: 'test',
      // portfolio: its own specs. (The system kit's whole-system tests are its `system` target, next case.)
      // The others are selected by project-graph edges made for contracts, but their unit tests do not import
      // portfolio (a service's `sharedCode` input is empty), so their test hashes do not change: cache hits.
      required: ['portfolio'],
      tolerated: { auth: WHY.authPact, gateway: WHY.gatewayRunsServices, transaction: WHY.verifiesGateway, web: WHY.e2eRunsServices, 'workspace-tools': WHY.usesSystemKit },
    },
    {
      file: 'services/portfolio/src/x.ts',
      target: 'system',
      // system-kit: its `system` target starts every service (inputs: the runningSystem named input).
      required: ['system-kit'],
      tolerated: {},
    },
    {
      file: 'services/portfolio/src/x.ts',
      target: 'contract',
      // portfolio: its own pacts and verification; gateway: its verification runs the real portfolio;
      // auth: it verifies portfolio-auth.json, which portfolio's consumer test writes.
      required: ['auth', 'gateway', 'portfolio'],
      tolerated: { transaction: WHY.verifiesGateway, web: WHY.e2eRunsServices },
    },
    { file: 'libs/http-kit/src/x.ts', target: 'test', required: dependents('http-kit', 'test'), tolerated: {} },
    { file: 'libs/http-kit/src/x.ts', target: 'contract', required: dependents('http-kit', 'contract'), tolerated: {} },
    {
      file: 'libs/auth-client/src/auth-client.ts',
      target: 'contract',
      // gateway: the client's consumer (its pact changes); auth: verifies the gateway's pact (implicitDependencies).
      required: ['auth', 'gateway'],
      tolerated: { portfolio: WHY.verifiesGateway, transaction: WHY.verifiesGateway, web: WHY.e2eRunsServices },
    },
  ];
  for (const { file, provider } of pactProviders(root, manifests.map((m) => m.name))) {
    const also = dependents(provider, 'contract').filter((p) => p !== provider);
    cases.push({ file, target: 'contract', required: [provider], tolerated: tolerate(also, `it depends on ${provider} in the graph`) });
  }
  return cases;
}

/** Whether a project's contract target names its pacts as inputs (from `nx show project <p> --json`). */
export function contractInputsCoverPacts(project: { targets?: Record<string, { inputs?: unknown[] }> }, provider: string): boolean {
  return (project.targets?.contract?.inputs ?? []).includes(`{workspaceRoot}/contracts/*-${provider}.json`);
}

function nx(root: string, args: string[]): string {
  const result = spawnSync('npx', ['nx', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: nxEnv({ ...process.env, NX_TUI: 'false' }) });
  if (result.status !== 0) throw new Error(`npx nx ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The JSON value on the last line of Nx's stdout that starts one (Nx may print notices before it). */
function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split('\n').reverse().find((l) => /^[[{]/.test(l.trim()));
  if (!line) throw new Error(`no JSON in Nx output:\n${stdout}`);
  return JSON.parse(line);
}

/** Projects Nx selects for a changed file and a target. */
export function nxAffected(root: string, file: string, target: string): string[] {
  return lastJson<string[]>(nx(root, ['show', 'projects', '--affected', `--files=${file}`, '--withTarget', target, '--json'])).sort();
}

export interface Row {
  label: string;
  expected: string;
  actual: string;
  ok: boolean;
  notes: string[];
}

/** One fixed-width table, then the summary line. */
export function formatTable(rows: readonly Row[]): string[] {
  const widths = ['case', 'expected', 'actual'].map((h, i) => Math.max(h.length, ...rows.map((r) => [r.label, r.expected, r.actual][i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ');
  const out = [line(['case', 'expected', 'actual', 'ok']), ...rows.map((r) => line([r.label, r.expected, r.actual, r.ok ? 'yes' : 'NO']))];
  for (const r of rows) for (const note of r.notes) out.push(`  ${r.label}: ${note}`);
  const bad = rows.filter((r) => !r.ok).length;
  out.push(`affected: ${rows.length} cases, ${bad} mismatches`);
  return out;
}

function main(root = REPO_ROOT): void {
  const rows: Row[] = [];
  for (const c of affectedCases(root)) {
    const actual = nxAffected(root, c.file, c.target);
    const verdict = judge(c, actual);
    const may = Object.keys(c.tolerated).sort();
    const notes = [
      ...verdict.missing.map((p) => `MISSING ${p}: a change here must re-run its ${c.target} target`),
      ...verdict.unexpected.map((p) => `UNEXPECTED ${p}: selected, but no declared wiring explains it`),
    ];
    rows.push({ label: `${c.file} → ${c.target}`, expected: `${c.required.join(', ') || '(none)'}${may.length ? ` (may: ${may.join(', ')})` : ''}`, actual: actual.join(', ') || '(none)', ok: verdict.ok, notes });
  }
  const providers = [...new Set(pactProviders(root, readManifests(root).map((m) => m.name)).map((p) => p.provider))].sort();
  for (const provider of providers) {
    const project = lastJson<{ targets?: Record<string, { inputs?: unknown[] }> }>(nx(root, ['show', 'project', provider, '--json']));
    const ok = contractInputsCoverPacts(project, provider);
    rows.push({ label: `${provider}:contract inputs`, expected: `{workspaceRoot}/contracts/*-${provider}.json`, actual: ok ? 'listed' : 'not listed', ok, notes: ok ? [] : [`a changed pact would not re-run ${provider}'s verification (stale cache)`] });
  }
  for (const line of formatTable(rows)) console.log(line);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.main) main();
