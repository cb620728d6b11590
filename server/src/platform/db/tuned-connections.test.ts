import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const setting = async (kysely: TestDatabase['kysely'], name: string) =>
  (await sql<{ value: string }>`SELECT current_setting(${name}) AS value`.execute(kysely)).rows[0]!.value;

describe('tuned connections', () => {
  it('carry their planner settings on every statement, while the main pool keeps the defaults', async () => {
    const steered = db.tuned({ enable_seqscan: 'off', enable_bitmapscan: 'off' });
    for (let i = 0; i < 5; i++) {
      expect(await setting(steered, 'enable_seqscan')).toBe('off');
      expect(await setting(steered, 'enable_bitmapscan')).toBe('off');
    }
    expect(await setting(steered, 'plan_cache_mode')).toBe('force_custom_plan');
    expect(await setting(db.kysely, 'enable_seqscan')).toBe('on');
    expect(await setting(db.kysely, 'enable_bitmapscan')).toBe('on');
  });

  it('are shared by equal settings, whatever their order', () => {
    expect(db.tuned({ enable_seqscan: 'off', enable_indexscan: 'off' })).toBe(db.tuned({ enable_indexscan: 'off', enable_seqscan: 'off' }));
    expect(db.tuned({ enable_seqscan: 'off' })).not.toBe(db.tuned({ enable_seqscan: 'off', enable_indexscan: 'off' }));
  });
});
