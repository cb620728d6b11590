/**
 * Organisations: "Seleziona Struttura" and "Gestione Struttura" → "Gestione delle Abilitazioni".
 * Glossary: struttura = structure, dipendente = employee, titolare = owner, abilitazione = enablement
 * (a service associated to an employee in a structure), utenza = account.
 */
export { en as organisationsEn, it as organisationsIt } from './messages';
export { SelectStructurePage } from './select-structure-page';
export { StructureManagementPage } from './structure-management-page';
export { STRUCTURE_MANAGEMENT_SERVICE } from './service-codes';
