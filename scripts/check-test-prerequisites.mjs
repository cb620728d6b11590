// The end-to-end tests drive Debian's Chromium: say so plainly instead of failing deep inside a test.
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium non trovato in ${chromium}: installalo con "apt-get install -y chromium" (o imposta CHROMIUM_PATH).`);
  process.exit(1);
}
