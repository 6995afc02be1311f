import test from 'ava';
import { nxEnv } from './nx-env.ts';

test('Nx commands run without plugin isolation unless NX_ISOLATE_PLUGINS says otherwise; the rest of the env is kept', (t) => {
  t.deepEqual(nxEnv({ PATH: '/bin' }), { PATH: '/bin', NX_ISOLATE_PLUGINS: 'false' });
  t.is(nxEnv({ NX_ISOLATE_PLUGINS: 'true' }).NX_ISOLATE_PLUGINS, 'true');
});
