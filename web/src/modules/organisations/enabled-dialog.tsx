import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../core/ui/dialog';
import { ProblemAlert } from '../../core/ui/problem-alert';
import { type Employee, employeeName, useSetEmployeeEnabled } from './api';

/**
 * "Disabilita l'utenza" / "Riabilita l'utenza", confirmed. Disabling closes the employee's sessions
 * in the structure (server side).
 */
export function EnabledDialog({ employee, onClose, onDone }: { employee: Employee; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('organisations');
  const { t: tc } = useTranslation();
  const change = useSetEmployeeEnabled();
  const name = employeeName(employee);
  const action = employee.enabled ? 'disable' : 'enable';

  return (
    <Dialog
      title={t(`${action}.title`)}
      onClose={onClose}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button
            type="button"
            color={employee.enabled ? 'danger' : 'primary'}
            disabled={change.isPending}
            onClick={() =>
              change.mutate({ userId: employee.userId, enabled: !employee.enabled }, { onSuccess: () => onDone(t(`${action}.done`, { name })) })
            }
          >
            {t(`${action}.submit`)}
          </Button>
        </>
      }
    >
      <ProblemAlert error={change.error} />
      <p className="mb-0">{t(`${action}.confirm`, { name })}</p>
    </Dialog>
  );
}
