import { DEMO_PEOPLE } from '../../../demo/identities.js';
import type { AnyDb } from '../../../platform/db/database.js';
import type { DemoVoucherMerchants } from '../demo-data.js';

/**
 * Tests only: the two demo merchants and their operators as the core demo seed made them, so a test
 * (or an e2e journey) can add the vouchers' demo data to its own database, as `npm start` does.
 */
export async function demoVoucherMerchants(db: AnyDb): Promise<DemoVoucherMerchants> {
  const merchant = async (name: string, operatorFiscalCode: string) => {
    const structure = await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    const operator = await db.selectFrom('users').select('id').where('fiscal_code', '=', operatorFiscalCode).executeTakeFirstOrThrow();
    return { structureId: structure.id as string, name, operatorUserId: operator.id as string };
  };
  return {
    farmacia: await merchant('Farmacia Centrale', DEMO_PEOPLE.merchantOperator.fiscalCode),
    babyStore: await merchant('Baby Store Caserta', DEMO_PEOPLE.secondMerchantOperator.fiscalCode),
  };
}
