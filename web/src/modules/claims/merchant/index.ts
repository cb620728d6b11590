/**
 * "Istanza di rimborso" for merchants (seed 000 §09): Elenco istanze di rimborso, Inserisci una
 * nuova istanza (Inserimento rimborso, Elenco transazioni), the claim's detail with Integrazione and
 * the history of its statuses, Rettifica, Annulla istanza. Pages are loaded on demand.
 * Glossary: istanza di rimborso = claim, transazione = purchase, quadrimestre = period,
 * integrazione = integration, rettifica = rectification, esercente = merchant.
 */
export { en as claimsMerchantEn, it as claimsMerchantIt, type ClaimsMerchantMessages } from './messages';
export { CLAIMS_MERCHANT_PATH, CLAIMS_MERCHANT_SERVICE } from './paths';
export { claimsMerchantRoutes } from './routes';
