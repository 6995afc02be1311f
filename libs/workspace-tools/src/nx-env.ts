/**
 * The environment every Nx command our tools start runs with. Nx loads its project-graph plugins (here only its
 * own: project.json, package.json, …) each in a child process of its own by default ("plugin isolation"), which
 * guards a workspace against a third-party plugin that leaks state. We have no third-party plugin, and starting those
 * processes cost every Nx command about half a second: `nx show projects` took 0.89–1.96 s with isolation and
 * 0.35–0.44 s without, here on 2 cores (TESTING.md has the measurement). An explicit NX_ISOLATE_PLUGINS is kept.
 */
export function nxEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, NX_ISOLATE_PLUGINS: env.NX_ISOLATE_PLUGINS ?? 'false' };
}
