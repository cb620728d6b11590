import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { openDatabase } from './database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('statements run often', () => {
  it('are prepared on the connection once hot, and still answer as before', async () => {
    const client = await db.pool.connect();
    try {
      const text = 'SELECT $1::int + 1 AS n /* prepared-statements.test */';
      const prepared = async () =>
        (await client.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%prepared-statements.test%' AND statement NOT LIKE '%pg_prepared_statements%'")).rows[0].n;
      for (let i = 1; i <= 2; i++) expect((await client.query(text, [i])).rows).toEqual([{ n: i + 1 }]);
      expect(await prepared()).toBe(0);
      for (let i = 3; i <= 6; i++) expect((await client.query(text, [i])).rows).toEqual([{ n: i + 1 }]);
      expect(await prepared()).toBe(1);
    } finally {
      client.release();
    }
  });

  it('an error of a prepared statement leaves it usable', async () => {
    const client = await db.pool.connect();
    try {
      const text = 'SELECT 10 / $1::int AS n /* prepared-errors.test */';
      for (let i = 0; i < 4; i++) await client.query(text, [5]);
      await expect(client.query(text, [0])).rejects.toThrow(/division by zero/);
      expect((await client.query(text, [2])).rows).toEqual([{ n: 5 }]);
      const named = await client.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%prepared-errors.test%' AND statement NOT LIKE '%pg_prepared%'");
      expect(named.rows[0].n).toBe(1);
    } finally {
      client.release();
    }
  });
});

describe('with prepared statements off', () => {
  it('never names a statement', async () => {
    const off = openDatabase(db.url, 1, { preparedStatements: false });
    try {
      const client = await off.pool.connect();
      try {
        for (let i = 0; i < 6; i++) await client.query('SELECT $1::int AS n /* never-prepared.test */', [i]);
        const named = await client.query('SELECT count(*)::int AS n FROM pg_prepared_statements');
        expect(named.rows[0].n).toBe(0);
      } finally {
        client.release();
      }
    } finally {
      await off.close();
    }
  });
});
