// `nx test http-kit`: every unit spec under src/ in one AVA worker (libs/test-kit/src/suite.ts says why).
import { runSpecsTogether } from '@ledgerline/test-kit/suite';

await runSpecsTogether(new URL('../src/', import.meta.url));
