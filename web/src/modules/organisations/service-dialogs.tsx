import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../core/ui/dialog';
import { PageLoading } from '../../core/ui/page-loading';
import { fieldError, ProblemAlert } from '../../core/ui/problem-alert';
import { SelectField } from '../../core/ui/select-field';
import { type Employee, employeeName, useAssociateService, useRemoveService } from './api';

export interface ServiceOption {
  code: string;
  name: string;
}

interface ServiceDialogProps {
  employee: Employee;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** "Associa un nuovo servizio": a service the structure offers and the employee does not have yet. */
interface AssociateServiceDialogProps extends ServiceDialogProps {
  /** The structure's associable services; undefined while they load. */
  available: ServiceOption[] | undefined;
  availableError: unknown;
}

export function AssociateServiceDialog({ employee, available, availableError, onClose, onDone }: AssociateServiceDialogProps) {
  const { t } = useTranslation('organisations');
  const { t: tc } = useTranslation();
  const [service, setService] = useState('');
  const [missing, setMissing] = useState(false);
  const associate = useAssociateService();
  const name = employeeName(employee);
  const options = (available ?? []).filter((s) => !employee.services.includes(s.code));
  const ready = available !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) {
      setMissing(true);
      document.getElementById('associate-service')?.focus();
      return;
    }
    const label = options.find((o) => o.code === service)?.name ?? service;
    associate.mutate({ userId: employee.userId, service }, { onSuccess: () => onDone(t('associate.done', { service: label, name })) });
  };

  return (
    <Dialog
      title={t('associate.title')}
      onClose={onClose}
      onSubmit={options.length > 0 ? submit : undefined}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {options.length > 0 ? tc('common.cancel') : tc('common.close')}
          </Button>
          {options.length > 0 && (
            <Button type="submit" color="primary" disabled={associate.isPending}>
              {t('associate.submit')}
            </Button>
          )}
        </>
      }
    >
      <p>{t('associate.intro', { name })}</p>
      <ProblemAlert error={associate.error ?? availableError} />
      {!ready ? (
        !availableError && <PageLoading />
      ) : options.length === 0 ? (
        <p className="mb-0">{t('associate.none', { name })}</p>
      ) : (
        <SelectField
          id="associate-service"
          label={t('associate.service')}
          emptyLabel={t('associate.choose')}
          options={options.map((o) => ({ value: o.code, label: o.name }))}
          value={service}
          onChange={(value) => {
            setService(value);
            setMissing(false);
          }}
          error={missing ? t('associate.required') : fieldError(associate.error, 'service')}
        />
      )}
    </Dialog>
  );
}

/** "Rimuovi un servizio": one of the employee's services, after a confirmation. */
export function RemoveServiceDialog({ employee, serviceName, onClose, onDone }: ServiceDialogProps & { serviceName: (code: string) => string }) {
  const { t } = useTranslation('organisations');
  const { t: tc } = useTranslation();
  const [service, setService] = useState('');
  const [missing, setMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useRemoveService();
  const name = employeeName(employee);
  const options = employee.services.map((code) => ({ code, name: serviceName(code) }));
  const chosenName = serviceName(service);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) {
      setMissing(true);
      document.getElementById('remove-service')?.focus();
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    remove.mutate({ userId: employee.userId, service }, { onSuccess: () => onDone(t('remove.done', { service: chosenName, name })) });
  };

  return (
    <Dialog
      title={t('remove.title')}
      onClose={onClose}
      onSubmit={options.length > 0 ? submit : undefined}
      footer={
        <>
          {confirming ? (
            <Button type="button" color="primary" outline onClick={() => setConfirming(false)}>
              {tc('common.back')}
            </Button>
          ) : (
            <Button type="button" color="primary" outline onClick={onClose}>
              {options.length > 0 ? tc('common.cancel') : tc('common.close')}
            </Button>
          )}
          {options.length > 0 && (
            <Button type="submit" color="danger" disabled={remove.isPending}>
              {t('remove.submit')}
            </Button>
          )}
        </>
      }
    >
      <p>{t('remove.intro', { name })}</p>
      <ProblemAlert error={remove.error} />
      {options.length === 0 ? (
        <p className="mb-0">{t('remove.none', { name })}</p>
      ) : confirming ? (
        <p className="mb-0 fw-semibold" role="status">
          {t('remove.confirm', { service: chosenName, name })}
        </p>
      ) : (
        <SelectField
          id="remove-service"
          label={t('remove.service')}
          emptyLabel={t('remove.choose')}
          options={options.map((o) => ({ value: o.code, label: o.name }))}
          value={service}
          onChange={(value) => {
            setService(value);
            setMissing(false);
          }}
          error={missing ? t('remove.required') : fieldError(remove.error, 'service')}
        />
      )}
    </Dialog>
  );
}
