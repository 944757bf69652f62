// The api role's change log, applied to each release's data replica by node-pg-migrate.
export const up = (pgm) => {
  pgm.createTable('orders', {
    id: 'id',
    customer_id: { type: 'integer', notNull: true },
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('now()') },
  });
};

export const down = (pgm) => {
  pgm.dropTable('orders');
};
