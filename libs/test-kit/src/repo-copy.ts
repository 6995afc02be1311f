/**
 * A temporary copy of the repository's files (tracked and new, as they are in the working tree; ignored ones left out), for proofs that
 * mutate code and run tests on the mutant: the real tree is never touched. Its node_modules links every
 * installed package from the real tree, except the workspace packages (@ledgerline/*), which link to the
 * copy's own folders — so a mutation in a lib is what the services of the copy import.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

export interface RepoCopy {
  dir: string;
  /** Replaces `from` (which must occur exactly once) with `to` in `file` of the copy. */
  mutate(file: string, from: string, to: string): void;
  /** Runs AVA in `project` of the copy with the given arguments; the exit status and all output. */
  ava(project: string, args: string[], env?: Record<string, string>): { status: number; output: string };
  remove(): void;
}

export function copyRepo(root: string): RepoCopy {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-bite-'));
  // tracked and new (not ignored) files, as they are in the working tree
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0').filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '@ledgerline'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name !== '@ledgerline') symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  // packages a workspace got its own copy of (e.g. libs/db-kit/node_modules/@mikro-orm): linked as they are
  for (const workspace of files.filter((file) => file.endsWith('/package.json')).map((file) => dirname(file))) {
    const nested = join(root, workspace, 'node_modules');
    if (!existsSync(nested)) continue;
    mkdirSync(join(dir, workspace, 'node_modules'), { recursive: true });
    for (const name of readdirSync(nested)) if (name !== '.cache') symlinkSync(join(nested, name), join(dir, workspace, 'node_modules', name));
  }
  for (const name of readdirSync(join(root, 'node_modules', '@ledgerline'))) {
    const target = relative(root, execFileSync('readlink', ['-f', join(root, 'node_modules', '@ledgerline', name)], { encoding: 'utf8' }).trim());
    symlinkSync(join(dir, target), join(modules, '@ledgerline', name), 'dir');
  }
  return {
    dir,
    mutate(file, from, to) {
      const path = join(dir, file);
      const source = readFileSync(path, 'utf8');
      if (source.split(from).length !== 2) throw new Error(`${file} must contain the line to mutate exactly once: ${JSON.stringify(from)} (update the proof)`);
      writeFileSync(path, source.replace(from, to));
    },
    ava(project, args, env = {}) {
      const result = spawnSync(process.execPath, [join(root, 'node_modules/ava/entrypoints/cli.js'), ...args], {
        cwd: join(dir, project), env: { ...process.env, ...env, PACT_DO_NOT_TRACK: 'true' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
      });
      return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
