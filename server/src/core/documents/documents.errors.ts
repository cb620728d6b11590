import { AppError, RuleViolation } from '../../platform/http/errors.js';
import { type DocumentPolicy, formatSize, listTypes } from './document-policy.js';

/**
 * The documents service's refusals, each with the Italian message the user sees under the file
 * field (`fields.file`). Statuses: 413 and 415 say exactly what HTTP has words for (too large, a
 * media type we do not take); an empty or missing file is a plain rule violation (422).
 *
 * | code                  | status | message                                                        |
 * |-----------------------|--------|----------------------------------------------------------------|
 * | file_too_large        | 413    | Il file supera la dimensione massima di 5 MB.                  |
 * | file_type_not_allowed | 415    | Formato non ammesso: sono accettati PDF, JPEG e PNG.           |
 * |                       |        | (one type) Il file non è un PDF valido: è accettato solo il formato PDF. |
 * | file_empty            | 422    | Il file è vuoto.                                               |
 * | file_missing          | 422    | Nessun file allegato: scegli il file da caricare.              |
 */
export const FILE_FIELD = 'file';

export class FileTooLarge extends AppError {
  constructor(policy: DocumentPolicy) {
    const message = `Il file supera la dimensione massima di ${formatSize(policy.maxBytes)}.`;
    super(413, 'file_too_large', message, { [FILE_FIELD]: message });
  }
}

export class FileTypeNotAllowed extends AppError {
  constructor(policy: DocumentPolicy) {
    const [only, ...others] = policy.allowedTypes;
    const message =
      only && others.length === 0
        ? `Il file non è un ${listTypes([only])} valido: è accettato solo il formato ${listTypes([only])}.`
        : `Formato non ammesso: sono accettati ${listTypes(policy.allowedTypes)}.`;
    super(415, 'file_type_not_allowed', message, { [FILE_FIELD]: message });
  }
}

export class FileEmpty extends RuleViolation {
  constructor() {
    super('file_empty', 'Il file è vuoto.', { [FILE_FIELD]: 'Il file è vuoto.' });
  }
}

export class FileMissing extends RuleViolation {
  constructor() {
    const message = 'Nessun file allegato: scegli il file da caricare.';
    super('file_missing', message, { [FILE_FIELD]: message });
  }
}

/** A refusal of the upload itself: nothing is stored and no row is written. */
export type UploadRefusal = FileTooLarge | FileTypeNotAllowed | FileEmpty | FileMissing;

export function isUploadRefusal(error: unknown): error is UploadRefusal {
  return error instanceof FileTooLarge || error instanceof FileTypeNotAllowed || error instanceof FileEmpty || error instanceof FileMissing;
}
