import { fiscalCodeCheckCharacter } from '../shared/fiscal-code.js';

/** A demo person: what the demo SPID/CIE provider releases about him. */
export interface DemoIdentity {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  email: string;
  mobilePhone: string;
  /** What he is in the demo data, shown on the provider's page. */
  description: string;
}

/** Codes are built from the first 15 characters so the check letter is always right. */
function person(first15: string, givenName: string, familyName: string, phone: string, description: string): DemoIdentity {
  const email = `${givenName}.${familyName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.it';
  return {
    fiscalCode: first15 + fiscalCodeCheckCharacter(first15),
    givenName,
    familyName,
    email,
    mobilePhone: `+39${phone}`,
    description,
  };
}

export const DEMO_PEOPLE = {
  regionOwner: person('SPSNNA75C45F839', 'Anna', 'Esposito', '3331000001', 'Titolare – Regione Campania'),
  regionOperator: person('RMNLCU80A01F839', 'Luca', 'Romano', '3331000002', 'Operatore – Regione Campania'),
  agencyOwner: person('BNCMRA70D50F839', 'Maria', 'Bianchi', '3331000003', 'Titolare – ASL Napoli 1 Centro'),
  agencyOperator: person('CLMPLA82B12F839', 'Paolo', 'Colombo', '3331000004', 'Operatore – ASL Napoli 1 Centro'),
  agencySupervisor: person('VLLSRA84C41F839', 'Sara', 'Villa', '3331000015', 'Supervisore SOL Assistenza – ASL Napoli 1 Centro'),
  secondAgencyOwner: person('LNGFBA72E10B963', 'Fabio', 'Longo', '3331000016', 'Titolare – ASL Caserta'),
  secondAgencyOperator: person('LNEGRG88A50B963', 'Giorgia', 'Leone', '3331000017', 'Operatrice – ASL Caserta'),
  regionalDeskOperator: person('DLCSFN81R19F839', 'Stefano', 'De Luca', '3331000018', 'Operatore assistenza regionale – Regione Campania'),
  municipalityOwner: person('RCCGPP68E20F839', 'Giuseppe', 'Ricci', '3331000005', 'Titolare – Comune di Napoli'),
  merchantOwner: person('RSSMRA85T10F839', 'Mario', 'Rossi', '3331000006', 'Titolare – Farmacia Centrale (e Baby Store Caserta)'),
  merchantOperator: person('GLLFNC90H55F839', 'Francesca', 'Gallo', '3331000007', 'Operatrice – Farmacia Centrale'),
  secondMerchantOwner: person('CNTNTN77L03B963', 'Antonio', 'Conti', '3331000008', 'Titolare – Baby Store Caserta'),
  secondMerchantOperator: person('MRNCHR92M48B963', 'Chiara', 'Marino', '3331000009', 'Operatrice – Baby Store Caserta'),
  providerOwner: person('GRCLNE79P61F839', 'Elena', 'Greco', '3331000010', 'Titolare – Asilo Nido Il Girasole'),
  voucherOfficeOwner: person('BRNRBR73R15F839', 'Roberto', 'Bruno', '3331000011', 'Titolare – Struttura Multifunzionale Territoriale Ad Personam'),
  citizen: person('FRRGNN88S07F839', 'Giovanni', 'Ferrari', '3331000012', 'Cittadino'),
  secondCitizen: person('RSSLRA91A62F839', 'Laura', 'Russo', '3331000013', 'Cittadina'),
  newcomer: person('FNTMRC93D14F839', 'Marco', 'Fontana', '3331000014', 'Non ancora dipendente di alcuna struttura'),
} as const;

export const DEMO_IDENTITIES: readonly DemoIdentity[] = Object.values(DEMO_PEOPLE);

/** The password of every demo credential account, shown in the README and at start. */
export const DEMO_PASSWORD = 'Sportello.2026';
export const DEMO_PIN = '246810';
