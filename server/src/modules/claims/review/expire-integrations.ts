import type { ClaimsDeps } from '../claims.deps.js';

/** Claims left "Da integrare" past their deadline become "Scaduta" (placeholder: being written). */
export async function expireIntegrations(_deps: ClaimsDeps): Promise<number> {
  return 0;
}
