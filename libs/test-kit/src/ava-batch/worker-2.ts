// Worker 2 of a batch: the tasks ./plan.ts gave it (./executor.ts explains).
import { runSlot } from './slot.ts';

await runSlot(2);
