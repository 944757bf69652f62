// The reliability suite's fault matrix over every action (README.md lists the rows and what
// each proves). Each module registers its rows' tests with faultMatrix (driver.ts), which
// starts all its rows in a beforeAll that returns at once, so every action's rows run together
// in this one file; Jest would run separate files one after the other on a two-core machine.
// replicate-data comes last: its beforeAll awaits its PostgreSQL sandbox and rows, and would
// otherwise hold the others back.
import { jest } from '@jest/globals';

// replicate-data's beforeAll awaits its rows while every other matrix's rows share the cores.
jest.setTimeout(420_000);

await import('./bake-image.matrix.js');
await import('./launch-behind-lb.matrix.js');
await import('./cutover-dns.matrix.js');
await import('./tag-release.matrix.js');
await import('./retire-release.matrix.js');
await import('./replicate-data.matrix.js');
