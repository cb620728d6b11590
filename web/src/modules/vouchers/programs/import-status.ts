import type { ImportStatus } from './api';

/** The badge colour of an import's status (Bootstrap Italia colours with enough contrast). */
export function statusColor(status: ImportStatus): string {
  switch (status) {
    case 'completed':
      return 'success';
    case 'failed':
      return 'danger';
    case 'discarded':
      return 'secondary';
    case 'preview':
    case 'importing':
    case 'uploading':
      return 'primary';
  }
}
