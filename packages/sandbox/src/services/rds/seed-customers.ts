// The seeded databases' `customers` table, shared by the `app-db` seed (seed.ts) and the
// Aurora `app-cluster` seed (cluster-seed.ts) so that both sources hold the same rows.
import type { PostgresBackend } from '../../postgres.js';

const CUSTOMERS = [
  ['Ada Lovelace', 'ada@example.test'],
  ['Grace Hopper', 'grace@example.test'],
  ['Edsger Dijkstra', 'edsger@example.test'],
  ['Barbara Liskov', 'barbara@example.test'],
  ['Donald Knuth', 'donald@example.test'],
] as const;

/** Inserts customers `from` to `to` (exclusive) into `database`; the first batch
 *  (`from` 0) creates the table. */
export async function insertCustomers(
  b: PostgresBackend,
  database: string,
  from: number,
  to: number,
): Promise<void> {
  const c = await b.connect(database);
  try {
    if (from === 0)
      await c.query(
        'CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now())',
      );
    for (let i = from; i < to; i++)
      await c.query('INSERT INTO customers (name, email) VALUES ($1, $2)', [
        CUSTOMERS[i]![0],
        CUSTOMERS[i]![1],
      ]);
  } finally {
    await c.end();
  }
}
