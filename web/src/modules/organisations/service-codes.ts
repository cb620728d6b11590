/** The service that opens "Gestione Struttura": the owner's (or an administrator's) by right. */
export const STRUCTURE_MANAGEMENT_SERVICE = 'gestione-struttura';
