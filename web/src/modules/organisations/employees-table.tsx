import { Badge, Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { ActionsMenu, type MenuAction } from '../../core/ui/actions-menu';
import { type Employee, employeeName } from './api';

export type EmployeeAction = 'associate' | 'remove' | 'disable' | 'enable';

interface EmployeesTableProps {
  employees: Employee[];
  busy: boolean;
  serviceName: (code: string) => string;
  /** Which actions a row offers (e.g. nobody disables himself). */
  actionsFor: (employee: Employee) => EmployeeAction[];
  onAction: (action: EmployeeAction, employee: Employee) => void;
}

/** The structure's employees (seed 000 "Gestione delle abilitazioni", 3) with their quick menu (5). */
export function EmployeesTable({ employees, busy, serviceName, actionsFor, onAction }: EmployeesTableProps) {
  const { t } = useTranslation('organisations');
  const labels: Record<EmployeeAction, string> = {
    associate: t('associate.action'),
    remove: t('remove.action'),
    disable: t('disable.action'),
    enable: t('enable.action'),
  };

  return (
    <Table responsive hover className="sportello-table mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{t('enablements.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('enablements.column.fiscalCode')}</th>
          <th scope="col">{t('enablements.column.familyName')}</th>
          <th scope="col">{t('enablements.column.givenName')}</th>
          <th scope="col">{t('enablements.column.role')}</th>
          <th scope="col">{t('enablements.column.services')}</th>
          <th scope="col">{t('enablements.column.status')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('enablements.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {employees.map((employee) => {
          const actions: MenuAction[] = actionsFor(employee).map((action) => ({
            key: action,
            label: labels[action],
            onSelect: () => onAction(action, employee),
          }));
          return (
            <tr key={employee.userId}>
              <td className="font-monospace text-nowrap">{employee.fiscalCode ?? '—'}</td>
              <td>{employee.familyName}</td>
              <td>{employee.givenName}</td>
              <td>{t(`enablements.role.${employee.role}`)}</td>
              <td>
                {employee.services.length === 0 ? (
                  <span className="sportello-muted">{t('enablements.noServices')}</span>
                ) : (
                  <ul className="list-unstyled mb-0">
                    {employee.services.map((code) => (
                      <li key={code}>{serviceName(code)}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <Badge color={employee.enabled ? 'success' : 'danger'}>
                  {employee.enabled ? t('enablements.status.enabled') : t('enablements.status.disabled')}
                </Badge>
              </td>
              <td className="text-end">
                {actions.length > 0 && <ActionsMenu label={t('enablements.actionsFor', { name: employeeName(employee) })} actions={actions} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
