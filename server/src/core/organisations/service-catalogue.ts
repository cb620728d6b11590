import type { OrganisationKind } from './directory.tables.js';

/**
 * The services a structure's employees can be enabled for, by kind of structure.
 * `path` is where the service's tile leads in the web app; a service whose module is not
 * installed yet is listed with `available: false` and its tile says so.
 */
export interface ServiceDefinition {
  code: string;
  name: string;
  description: string;
  kinds: readonly OrganisationKind[];
  path: string;
  /** Owner's by right, never associated to an employee. */
  ownerOnly?: boolean;
  /** The owner holds it by right and may also associate it to employees (e.g. "Istanza di rimborso": the titolare files the claims). */
  ownerByRight?: boolean;
}

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  {
    code: 'gestione-struttura',
    name: 'Gestione struttura',
    description: 'Gestione delle abilitazioni dei dipendenti della struttura.',
    kinds: ['region', 'health_agency', 'municipality', 'merchant', 'service_provider', 'voucher_office'],
    path: '/gestione-struttura',
    ownerOnly: true,
  },
  {
    code: 'voucher-secondogeniti',
    name: 'Voucher secondogeniti',
    description: 'Ricerca beneficiario, acquisti e cancellazioni, elenco movimenti.',
    kinds: ['merchant'],
    path: '/voucher-secondogeniti',
  },
  {
    code: 'istanza-rimborso',
    name: 'Istanza di rimborso',
    description: 'Istanze di rimborso per quadrimestre.',
    kinds: ['merchant'],
    path: '/istanze-rimborso',
    ownerByRight: true,
  },
  {
    code: 'gestione-programmi-voucher',
    name: 'Gestione programmi voucher',
    description: 'Programmi, esercenti aderenti, importazione dei beneficiari.',
    kinds: ['region'],
    path: '/programmi-voucher',
  },
  {
    code: 'valutazione-istanze',
    name: 'Valutazione istanze di rimborso',
    description: 'Valutazione, approvazione e pagamento delle istanze degli esercenti.',
    kinds: ['region'],
    path: '/valutazione-istanze',
  },
  {
    code: 'sol-assistenza',
    name: 'SOL Assistenza',
    description: 'Richieste di assistenza dei cittadini.',
    kinds: ['region', 'health_agency'],
    path: '/assistenza/operatori',
  },
  {
    code: 'supervisione-assistenza',
    name: 'Supervisione SOL Assistenza',
    description: 'Risposte predefinite e andamento delle richieste di assistenza.',
    kinds: ['region', 'health_agency'],
    path: '/assistenza/supervisione',
  },
  {
    code: 'buoni-servizio',
    name: 'Buoni di servizio',
    description: 'Progetti di erogazione del servizio (P.E.S.) e loro validazione.',
    kinds: ['service_provider', 'voucher_office'],
    path: '/buoni-servizio',
  },
  {
    code: 'servizi-scolastici',
    name: 'Servizi scolastici',
    description: 'Iscrizioni, refezione, documenti contabili e pagamenti pagoPA.',
    kinds: ['municipality'],
    path: '/servizi-scolastici',
  },
];

export function findService(code: string): ServiceDefinition | undefined {
  return SERVICE_CATALOGUE.find((s) => s.code === code);
}

/** Services that can be associated to an employee of a structure of this kind. */
export function associableServices(kind: OrganisationKind): ServiceDefinition[] {
  return SERVICE_CATALOGUE.filter((s) => !s.ownerOnly && s.kinds.includes(kind));
}

/** The services the owner of a structure of this kind holds without being associated to them. */
export function ownerServices(kind: string): string[] {
  return SERVICE_CATALOGUE.filter((s) => (s.ownerOnly || s.ownerByRight) && (s.kinds as readonly string[]).includes(kind)).map((s) => s.code);
}
