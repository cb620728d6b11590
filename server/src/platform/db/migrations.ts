import { fileURLToPath } from 'node:url';
import type { MigrationSource } from './migrate.js';

/** Core first, then each module in the order it is installed. */
export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'core', dir: fileURLToPath(new URL('../../../migrations', import.meta.url)) },
  { module: 'vouchers', dir: fileURLToPath(new URL('../../modules/vouchers/migrations', import.meta.url)) },
  { module: 'claims', dir: fileURLToPath(new URL('../../modules/claims/migrations', import.meta.url)) },
  { module: 'helpdesk', dir: fileURLToPath(new URL('../../modules/helpdesk/migrations', import.meta.url)) },
];
