// Worker 2 of the unit layer's batch: the projects ./plan.ts gave it (./executor.ts explains).
import { runSlot } from './slot.ts';

await runSlot(2);
