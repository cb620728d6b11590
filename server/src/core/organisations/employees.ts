import { Conflict, NotFound, RuleViolation } from '../../platform/http/errors.js';
import type { AnyDb } from '../../platform/db/database.js';
import { type AuditActor, recordAudit } from '../audit/audit.js';
import type { Clock } from '../clock/clock.js';
import type { CurrentStructure } from '../identity/principal.js';
import type { OrganisationKind } from './directory.tables.js';
import { PeopleRepository } from './people.repository.js';
import { associableServices } from './service-catalogue.js';
import { type EmployeeRow, StructuresRepository } from './structures.repository.js';

export interface Employee {
  userId: string;
  fiscalCode: string | null;
  givenName: string;
  familyName: string;
  role: 'owner' | 'operator';
  enabled: boolean;
  services: string[];
}

export interface NewEmployee {
  fiscalCode: string;
  givenName: string;
  familyName: string;
}

/** Ends a person's sessions in a structure; given by the identity part of the core. */
export type EndSessions = (userId: string, structureId: string) => Promise<number>;

function toEmployee(row: EmployeeRow): Employee {
  return {
    userId: row.user_id,
    fiscalCode: row.fiscal_code,
    givenName: row.given_name,
    familyName: row.family_name,
    role: row.role,
    enabled: row.disabled_at === null,
    services: row.services,
  };
}

/** "Gestione delle Abilitazioni": a structure's employees and the services associated to them. */
export class EmployeesService {
  constructor(
    private readonly db: AnyDb,
    private readonly clock: Clock,
    private readonly endSessions: EndSessions,
  ) {}

  /** Lists the structure's employees, searchable by codice fiscale, name or surname. */
  async list(structureId: string, query: string | undefined, page: number, pageSize: number) {
    const { rows, total } = await new StructuresRepository(this.db).listEmployees(structureId, {
      query,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map(toEmployee), total, page, pageSize };
  }

  /** "Aggiungi Dipendenti": the person is found by codice fiscale, or created, and enabled with no service. */
  async add(structure: CurrentStructure, actor: AuditActor, input: NewEmployee): Promise<Employee> {
    return this.db.transaction().execute(async (trx) => {
      const people = new PeopleRepository(trx);
      const structures = new StructuresRepository(trx);
      const now = this.clock.now();
      const person =
        (await people.findByFiscalCode(input.fiscalCode)) ??
        (await people.upsertFromIdentity({ ...input, email: null, mobilePhone: null }, now));
      const added = await structures.addMembership(structure.id, person.id, 'operator', now);
      if (!added) {
        throw new Conflict('employee_exists', `Il dipendente con codice fiscale ${input.fiscalCode} è già presente nella struttura.`, {
          fiscalCode: 'Dipendente già presente nella struttura.',
        });
      }
      const employee = toEmployee((await structures.findEmployee(structure.id, person.id))!);
      await recordAudit(trx, actor, { action: 'employee.add', subject: { type: 'employee', id: person.id }, personFiscalCode: person.fiscal_code, after: employee });
      return employee;
    });
  }

  /** "Associa un nuovo servizio" among those the structure's kind offers. */
  async associateService(structure: CurrentStructure, actor: AuditActor, userId: string, serviceCode: string): Promise<Employee> {
    return this.change(actor, 'employee.service.associate', structure, userId, async (structures) => {
      if (!associableServices(structure.kind as OrganisationKind).some((s) => s.code === serviceCode)) {
        throw new RuleViolation('service_not_available', 'Il servizio non è disponibile per questa struttura.', {
          service: 'Servizio non disponibile per questa struttura.',
        });
      }
      if (!(await structures.grantService(structure.id, userId, serviceCode, this.clock.now()))) {
        throw new Conflict('service_already_associated', 'Il servizio è già associato al dipendente.');
      }
    });
  }

  /** "Rimuovi un servizio". */
  async removeService(structure: CurrentStructure, actor: AuditActor, userId: string, serviceCode: string): Promise<Employee> {
    return this.change(actor, 'employee.service.remove', structure, userId, async (structures) => {
      if (!(await structures.revokeService(structure.id, userId, serviceCode))) {
        throw new RuleViolation('service_not_associated', 'Il servizio non è associato al dipendente.');
      }
    });
  }

  /** "Disabilita l'utenza": his sessions in this structure end and he can no longer enter it. */
  async disable(structure: CurrentStructure, actor: AuditActor, userId: string): Promise<Employee> {
    const disabled = await this.change(actor, 'employee.disable', structure, userId, async (structures, employee) => {
      if (userId === actor.userId) {
        throw new RuleViolation('cannot_disable_self', 'Non puoi disabilitare la tua stessa utenza.');
      }
      if (employee.role === 'owner' && structure.role !== 'admin') {
        throw new RuleViolation('cannot_disable_owner', 'Solo un amministratore può disabilitare il titolare della struttura.');
      }
      if (!employee.enabled) throw new Conflict('already_disabled', "L'utenza è già disabilitata.");
      await structures.setDisabled(structure.id, userId, this.clock.now());
    });
    await this.endSessions(userId, structure.id);
    return disabled;
  }

  /** "Riabilita l'utenza". */
  async enable(structure: CurrentStructure, actor: AuditActor, userId: string): Promise<Employee> {
    return this.change(actor, 'employee.enable', structure, userId, async (structures, employee) => {
      if (employee.enabled) throw new Conflict('already_enabled', "L'utenza è già abilitata.");
      await structures.setDisabled(structure.id, userId, null);
    });
  }

  /** One change to an employee: in one transaction with its audit row (before and after). */
  private async change(
    actor: AuditActor,
    action: string,
    structure: CurrentStructure,
    userId: string,
    apply: (structures: StructuresRepository, before: Employee) => Promise<void>,
  ): Promise<Employee> {
    return this.db.transaction().execute(async (trx) => {
      const structures = new StructuresRepository(trx);
      const before = await this.requireEmployee(structures, structure.id, userId);
      await apply(structures, before);
      const after = await this.requireEmployee(structures, structure.id, userId);
      await recordAudit(trx, actor, { action, subject: { type: 'employee', id: userId }, personFiscalCode: before.fiscalCode, before, after });
      return after;
    });
  }

  private async requireEmployee(structures: StructuresRepository, structureId: string, userId: string) {
    const row = await structures.findEmployee(structureId, userId);
    if (!row) throw new NotFound('Dipendente non trovato.');
    return toEmployee(row);
  }
}
