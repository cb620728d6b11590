import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashSecret } from '../core/identity/passwords.js';
import type { DirectoryTables, OrganisationKind } from '../core/organisations/directory.tables.js';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PIN, type DemoIdentity } from './identities.js';
import type { Clock } from '../core/clock/clock.js';
import type { DocumentStore } from '../core/documents/index.js';
import { seedVouchersDemo } from '../modules/vouchers/index.js';
import { seedClaimsDemo } from '../modules/claims/index.js';
import { seedHelpdeskDemo } from '../modules/helpdesk/index.js';

type Person = keyof typeof DEMO_PEOPLE;

interface DemoStructure {
  name: string;
  kind: OrganisationKind;
  parent?: string;
  owner: Person;
  operators: { person: Person; services: string[] }[];
}

const STRUCTURES: DemoStructure[] = [
  {
    name: 'Regione Campania',
    kind: 'region',
    owner: 'regionOwner',
    operators: [
      { person: 'regionOperator', services: ['gestione-programmi-voucher', 'valutazione-istanze'] },
      { person: 'regionalDeskOperator', services: ['sol-assistenza', 'supervisione-assistenza'] },
    ],
  },
  {
    name: 'ASL Napoli 1 Centro',
    kind: 'health_agency',
    parent: 'Regione Campania',
    owner: 'agencyOwner',
    operators: [
      { person: 'agencyOperator', services: ['sol-assistenza'] },
      { person: 'agencySupervisor', services: ['sol-assistenza', 'supervisione-assistenza'] },
    ],
  },
  {
    name: 'ASL Caserta',
    kind: 'health_agency',
    parent: 'Regione Campania',
    owner: 'secondAgencyOwner',
    operators: [{ person: 'secondAgencyOperator', services: ['sol-assistenza'] }],
  },
  { name: 'Comune di Napoli', kind: 'municipality', owner: 'municipalityOwner', operators: [] },
  {
    name: 'Farmacia Centrale',
    kind: 'merchant',
    owner: 'merchantOwner',
    operators: [{ person: 'merchantOperator', services: ['voucher-secondogeniti'] }],
  },
  {
    name: 'Baby Store Caserta',
    kind: 'merchant',
    owner: 'secondMerchantOwner',
    operators: [
      { person: 'secondMerchantOperator', services: ['voucher-secondogeniti'] },
      { person: 'merchantOwner', services: ['voucher-secondogeniti'] },
    ],
  },
  { name: 'Asilo Nido Il Girasole', kind: 'service_provider', owner: 'providerOwner', operators: [] },
  {
    name: 'Struttura Multifunzionale Territoriale Ad Personam Napoli',
    kind: 'voucher_office',
    owner: 'voucherOfficeOwner',
    operators: [],
  },
];

/** Credential accounts: operators with PIN (RUPAR-style), a business account, the administrator. */
export const DEMO_ACCOUNTS = [
  { username: 'operatore.asl', person: 'agencyOperator' as Person, pin: true, description: 'Operatore ASL (password + PIN)' },
  { username: 'supervisore.asl', person: 'agencySupervisor' as Person, pin: true, description: 'Supervisore SOL Assistenza ASL Napoli 1 (password + PIN)' },
  { username: 'operatore.asl.caserta', person: 'secondAgencyOperator' as Person, pin: true, description: 'Operatrice ASL Caserta (password + PIN)' },
  { username: 'assistenza.regione', person: 'regionalDeskOperator' as Person, pin: true, description: 'Assistenza regionale, Regione Campania (password + PIN)' },
  { username: 'farmacia.centrale', person: 'merchantOwner' as Person, pin: false, description: 'Esercente Farmacia Centrale (password)' },
];
export const DEMO_ADMIN = { username: 'admin', givenName: 'Amministratore', familyName: 'Sportello' };

/** What the modules' demo data needs: the one clock (dates relative to its today) and where receipts go. */
export interface DemoModules {
  clock: Clock;
  documentStore?: DocumentStore;
}

/**
 * The platform's demo data, written once: structures with owners and operators, citizens,
 * credential accounts. Later modules add their own seeds the same way. With `modules` (npm start),
 * also the modules' demo data; tests leave it out and make their own.
 */
export async function seedCoreDemo(db: Kysely<DirectoryTables>, modules?: DemoModules): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisations`.execute(trx);
    if ((done.rows[0]?.n ?? 0) > 0) return false;

    const [passwordHash, pinHash] = await Promise.all([hashSecret(DEMO_PASSWORD), hashSecret(DEMO_PIN)]);
    const userIds = new Map<Person, string>();
    for (const [key, identity] of Object.entries(DEMO_PEOPLE) as [Person, DemoIdentity][]) {
      // The newcomer has SPID but no record yet: he appears when an owner adds him.
      if (key === 'newcomer') continue;
      const account = DEMO_ACCOUNTS.find((a) => a.person === key);
      const row = await trx
        .insertInto('users')
        .values({
          fiscal_code: identity.fiscalCode,
          username: account?.username ?? null,
          given_name: identity.givenName,
          family_name: identity.familyName,
          email: identity.email,
          mobile_phone: identity.mobilePhone,
          password_hash: account ? passwordHash : null,
          pin_hash: account?.pin ? pinHash : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(key, row.id);
    }
    await trx
      .insertInto('users')
      .values({
        username: DEMO_ADMIN.username,
        given_name: DEMO_ADMIN.givenName,
        family_name: DEMO_ADMIN.familyName,
        password_hash: passwordHash,
        pin_hash: pinHash,
        is_admin: true,
      })
      .execute();

    const structureIds = new Map<string, string>();
    for (const s of STRUCTURES) {
      const org = await trx
        .insertInto('organisations')
        .values({ name: s.name, kind: s.kind, parent_id: s.parent ? structureIds.get(s.parent)! : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      structureIds.set(s.name, org.id);
      await trx
        .insertInto('memberships')
        .values({ organisation_id: org.id, user_id: userIds.get(s.owner)!, role: 'owner' })
        .execute();
      for (const op of s.operators) {
        await trx
          .insertInto('memberships')
          .values({ organisation_id: org.id, user_id: userIds.get(op.person)!, role: 'operator' })
          .execute();
        for (const service of op.services) {
          await trx
            .insertInto('membership_services')
            .values({ organisation_id: org.id, user_id: userIds.get(op.person)!, service_code: service })
            .execute();
        }
      }
    }
    if (modules) {
      // The modules' demo data, in the same transaction: all of it or nothing.
      const merchant = (name: string, operator: Person) => ({ structureId: structureIds.get(name)!, name, operatorUserId: userIds.get(operator)! });
      await seedVouchersDemo(trx, modules.clock, { farmacia: merchant('Farmacia Centrale', 'merchantOperator'), babyStore: merchant('Baby Store Caserta', 'secondMerchantOperator') }, {
        documentStore: modules.documentStore,
        regionStructureId: structureIds.get('Regione Campania')!,
      });
      await seedClaimsDemo(trx, {
        clock: modules.clock,
        regionStructureId: structureIds.get('Regione Campania')!,
        regionName: 'Regione Campania',
        regionOperator: { userId: userIds.get('regionOperator')!, name: 'Luca Romano' },
        farmacia: { structureId: structureIds.get('Farmacia Centrale')!, name: 'Farmacia Centrale', userId: userIds.get('merchantOwner')!, email: DEMO_PEOPLE.merchantOwner.email },
        babyStore: { structureId: structureIds.get('Baby Store Caserta')!, name: 'Baby Store Caserta', userId: userIds.get('secondMerchantOwner')!, email: DEMO_PEOPLE.secondMerchantOwner.email },
      });
      const person = (key: Person) => ({ userId: userIds.get(key)!, ...DEMO_PEOPLE[key] });
      await seedHelpdeskDemo(trx, {
        clock: modules.clock,
        agencies: {
          napoli: { id: structureIds.get('ASL Napoli 1 Centro')!, name: 'ASL Napoli 1 Centro' },
          caserta: { id: structureIds.get('ASL Caserta')!, name: 'ASL Caserta' },
        },
        region: { id: structureIds.get('Regione Campania')!, name: 'Regione Campania' },
        people: {
          agencyOperator: person('agencyOperator'),
          agencySupervisor: person('agencySupervisor'),
          secondAgencyOperator: person('secondAgencyOperator'),
          regionalDeskOperator: person('regionalDeskOperator'),
          citizen: person('citizen'),
        },
      });
    }
    return true;
  });
}
