/** Where the region's program pages live (the service's path in the catalogue). */
export const PROGRAMS_PATH = '/programmi-voucher';
export const PROGRAMS_SERVICE = 'gestione-programmi-voucher';
export const newProgramPath = `${PROGRAMS_PATH}/nuovo`;
export const programPath = (programId: string) => `${PROGRAMS_PATH}/${programId}`;
export const newImportPath = (programId: string) => `${programPath(programId)}/importazioni/nuova`;
export const importPath = (programId: string, importId: string) => `${programPath(programId)}/importazioni/${importId}`;
