/**
 * "Valutazione istanze di rimborso" (region operators, SPEC §3): the queue of the merchants'
 * reimbursement claims, the evaluation of one (approve, reject, ask for documents) and the
 * forwarding of the approved ones for the payment decree with its SEPA file (pain.001).
 * Glossary: istanza di rimborso = claim, esercente = merchant, quadrimestre = period, integrazione =
 * requested documents, decreto di pagamento = payment batch, ordinante = debtor.
 */
export { en as claimsReviewEn, it as claimsReviewIt, type ClaimsReviewMessages } from './messages';
export { CLAIMS_REVIEW_PATH, CLAIMS_REVIEW_SERVICE } from './paths';
export { claimsReviewRoutes } from './routes';
