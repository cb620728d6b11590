import { Button, Icon, Input } from 'design-react-kit';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../core/layout/page-title';
import { useStructureSession } from '../../core/session/signed-in';
import { Breadcrumbs } from '../../core/ui/breadcrumbs';
import { PageLoading } from '../../core/ui/page-loading';
import { Pagination } from '../../core/ui/pagination';
import { ProblemAlert } from '../../core/ui/problem-alert';
import { StatusMessage } from '../../core/ui/status-message';
import { AddEmployeeDialog } from './add-employee-dialog';
import { type Employee, employeeName, useAssociableServices, useEmployees } from './api';
import { type EmployeeAction, EmployeesTable } from './employees-table';
import { EnabledDialog } from './enabled-dialog';
import { AssociateServiceDialog, RemoveServiceDialog } from './service-dialogs';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

type OpenDialog = { kind: 'add' } | { kind: EmployeeAction; employee: Employee } | null;

/**
 * "Gestione delle Abilitazioni" (seed 000): search, the employees table with its quick menu,
 * pagination, "Aggiungi Dipendenti". The search and the page live in the URL (?q=&pagina=).
 */
export default function EnablementsPage() {
  const { t } = useTranslation('organisations');
  usePageTitle(t('enablements.title'));
  const session = useStructureSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const [term, setTerm] = useState(q);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [message, setMessage] = useState<string | null>(null);

  const employees = useEmployees({ q, page, pageSize: PAGE_SIZE });
  const services = useAssociableServices();

  const go = useCallback(
    (next: { q?: string; page?: number }) => {
      const nextQ = next.q ?? q;
      const nextPage = next.page ?? 1;
      const search = new URLSearchParams();
      if (nextQ) search.set('q', nextQ);
      if (nextPage > 1) search.set('pagina', String(nextPage));
      setParams(search, { replace: next.page === undefined });
    },
    [q, setParams],
  );

  // Back/forward changes the URL: show its search in the box.
  useEffect(() => {
    setTerm((current) => (current.trim() === q ? current : q));
  }, [q]);

  // Search as you type, once the user pauses.
  useEffect(() => {
    if (term.trim() === q) return;
    const timer = window.setTimeout(() => go({ q: term.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [term, q, go]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: term.trim() });
  };

  const serviceNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const s of session.services) names.set(s.code, s.name);
    for (const s of services.data ?? []) names.set(s.code, s.name);
    return names;
  }, [services.data, session.services]);
  const serviceName = useCallback((code: string) => serviceNames.get(code) ?? code, [serviceNames]);

  const actionsFor = (employee: Employee): EmployeeAction[] => {
    const actions: EmployeeAction[] = ['associate', 'remove'];
    const isSelf = employee.userId === session.user.id;
    // Only an administrator may disable a structure's owner; nobody disables himself (server rules).
    const mayDisable = !isSelf && (employee.role !== 'owner' || session.structure.role === 'admin');
    if (employee.enabled && mayDisable) actions.push('disable');
    if (!employee.enabled && !isSelf) actions.push('enable');
    return actions;
  };

  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
  };
  const open = (next: OpenDialog) => {
    setMessage(null);
    setDialog(next);
  };

  const data = employees.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('management.title'), to: '/gestione-struttura' }, { label: t('enablements.title') }]} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-4">
        <h1 className="mb-0">{t('enablements.title')}</h1>
        <Button color="primary" icon onClick={() => open({ kind: 'add' })}>
          <Icon icon="it-plus" color="white" size="sm" aria-hidden="true" className="me-2" />
          {t('enablements.add')}
        </Button>
      </div>

      <StatusMessage message={message} className="mb-3" />

      {/*
        While "Aggiungi Dipendenti" is open the search box, under the backdrop anyway, leaves the page:
        its label ("Cerca per codice fiscale, …") would otherwise also answer to "Codice Fiscale".
      */}
      {dialog?.kind !== 'add' && (
        <form role="search" onSubmit={search} className="sportello-search mb-3">
          <Input
            id="employees-search"
            type="search"
            label={t('enablements.search')}
            value={term}
            onChange={(event) => setTerm(event.target.value)}
            wrapperClassName="mb-0 flex-grow-1"
            autoComplete="off"
          />
          <Button type="submit" color="primary" outline>
            {t('enablements.searchSubmit')}
          </Button>
        </form>
      )}

      <ProblemAlert error={employees.error} />
      {employees.isPending ? (
        <PageLoading />
      ) : data && data.items.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{q ? t('enablements.emptySearch') : t('enablements.empty')}</p>
        </div>
      ) : data ? (
        <>
          <EmployeesTable
            employees={data.items}
            busy={employees.isFetching}
            serviceName={serviceName}
            actionsFor={actionsFor}
            onAction={(kind, employee) => open({ kind, employee })}
          />
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={(p) => go({ page: p })}
            label={t('enablements.pagination')}
            summary={`${t('enablements.page', { page: Math.min(page, pages), pages })} · ${t('enablements.total', { count: data.total })}`}
            previousLabel={t('enablements.previous')}
            nextLabel={t('enablements.next')}
            pageLabel={(p) => t('enablements.goToPage', { page: p })}
          />
        </>
      ) : null}

      {dialog?.kind === 'add' && (
        <AddEmployeeDialog onClose={() => setDialog(null)} onAdded={(employee) => done(t('addEmployee.done', { name: employeeName(employee) }))} />
      )}
      {dialog?.kind === 'associate' && (
        <AssociateServiceDialog
          employee={dialog.employee}
          available={services.data?.map(({ code, name }) => ({ code, name }))}
          availableError={services.error}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'remove' && <RemoveServiceDialog employee={dialog.employee} serviceName={serviceName} onClose={() => setDialog(null)} onDone={done} />}
      {(dialog?.kind === 'disable' || dialog?.kind === 'enable') && <EnabledDialog employee={dialog.employee} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}
