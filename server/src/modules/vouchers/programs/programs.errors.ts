/** Program administration's errors, with the Italian message a region operator reads. */
import { AppError, Conflict, NotFound, RuleViolation } from '../../../platform/http/errors.js';
import { IMPORT_LIMITS } from './parse-beneficiary-csv.js';

const megabytes = IMPORT_LIMITS.maxBytes / (1024 * 1024);

export const programErrors = {
  programNotFound: () => new NotFound('Programma non trovato.'),
  importNotFound: () => new NotFound('Importazione non trovata.'),
  merchantNotEnrolled: () => new NotFound('L’esercente non aderisce a questo programma.'),
  notMerchants: () =>
    new RuleViolation('not_a_merchant', 'Si possono associare al programma solo strutture esercenti.', {
      merchantStructureIds: 'Scegli esercenti dall’elenco.',
    }),
  fileMissing: () => new RuleViolation('file_missing', 'Allega il file CSV dei beneficiari.', { file: 'Allega il file CSV dei beneficiari.' }),
  notCsvName: () =>
    new AppError(415, 'import_not_csv', 'Il file deve essere in formato CSV (estensione .csv).', { file: 'Il file deve essere in formato CSV (estensione .csv).' }),
  fileTooLarge: () => new AppError(413, 'file_too_large', `Il file supera ${megabytes} MB: dividilo in più file.`, { file: `Il file supera ${megabytes} MB.` }),
  nothingToImport: () => new RuleViolation('import_nothing_to_import', 'Nessuna riga valida da importare: tutte le righe sono state scartate.'),
  notInPreview: () => new Conflict('import_not_in_preview', 'Questa importazione non è più in anteprima: carica di nuovo il file.'),
};
