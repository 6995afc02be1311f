/**
 * `npm run can-i-deploy`: prints the verification matrix from the last contract runs and exits non-zero if
 * any required boundary lacks a pact, or any pact is unverified, stale or failing.
 */
import { formatMatrix, verificationMatrix } from './matrix.ts';

const rows = verificationMatrix();
console.log(formatMatrix(rows));
const bad = rows.filter((row) => row.status !== 'verified');
console.log(bad.length ? `can-i-deploy: NO — ${bad.length} of ${rows.length} boundaries not verified` : `can-i-deploy: yes — all ${rows.length} boundaries verified`);
process.exit(bad.length ? 1 : 0);
