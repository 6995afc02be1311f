// `nx test test-kit`: every unit spec under src/ in one AVA worker (libs/test-kit/src/suite.ts says why).
import { runSpecsTogether } from '../src/suite.ts';

await runSpecsTogether(new URL('../src/', import.meta.url));
