import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationSource } from './migrate.js';

/** The project's root: the nearest folder above this file holding package.json, from the sources or the compiled bundle alike. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the server: cannot locate the migrations');
    dir = up;
  }
  return dir;
}

const root = projectRoot();

/** Core first, then each module in the order it is installed. */
export const MIGRATION_SOURCES: MigrationSource[] = [
  { module: 'core', dir: join(root, 'server/migrations') },
  { module: 'vouchers', dir: join(root, 'server/src/modules/vouchers/migrations') },
  { module: 'claims', dir: join(root, 'server/src/modules/claims/migrations') },
  { module: 'helpdesk', dir: join(root, 'server/src/modules/helpdesk/migrations') },
];
