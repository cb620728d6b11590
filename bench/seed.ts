/**
 * Creates and seeds the bench database (every bench also does it first; the data is reused).
 *   npm run bench:seed
 */
import { BENCH_DATABASE_URL, ensureBenchDatabase, seedBench } from './lib/bench-database.js';

const log = (line: string) => console.log(line);
log(`bench database: ${BENCH_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
await ensureBenchDatabase(log);
await seedBench(log);
log('bench data ready');
