// Every property-based test of a run draws from the seed the global setup printed.
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('fastCheckSeed') });
