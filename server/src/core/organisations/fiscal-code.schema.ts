import { z } from 'zod';
import { checkFiscalCode, normalizeFiscalCode } from '../../shared/fiscal-code.js';

/**
 * A codice fiscale in a request (body or query): refused with the rule's Italian message
 * (length, format, check character), normalised to 16 upper-case characters.
 */
export const fiscalCodeSchema = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkFiscalCode(value);
    if (!check.valid) ctx.addIssue({ code: 'custom', message: check.message });
  })
  .transform(normalizeFiscalCode);
