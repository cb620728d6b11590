/**
 * "Gestione programmi voucher" (region operators): programs, enrolled merchants, beneficiaries'
 * imports. The pages are loaded on demand from app.tsx.
 * Glossary: programma = program, esercente aderente = enrolled merchant, importazione = import,
 * righe scartate = rejected rows, valore del voucher = face value.
 */
export { PROGRAMS_PATH, PROGRAMS_SERVICE } from './paths';
