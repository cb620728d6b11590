import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../core/ui/dialog';
import { fieldError, ProblemAlert } from '../../core/ui/problem-alert';
import { FiscalCodeField } from '../../core/ui/fiscal-code-field';
import { TextField } from '../../core/ui/text-field';
import { FISCAL_CODE_LENGTH, normaliseFiscalCode } from '../../lib/fiscal-code';
import { type Employee, useAddEmployee } from './api';

type Field = 'fiscalCode' | 'givenName' | 'familyName';
const FIELD_IDS: Record<Field, string> = {
  fiscalCode: 'employee-fiscal-code',
  givenName: 'employee-given-name',
  familyName: 'employee-family-name',
};

/**
 * "Aggiungi Dipendenti": Codice Fiscale, Nome, Cognome, all mandatory (seed 000). Only the length of
 * the codice fiscale is checked here; the server checks its form and check character.
 */
export function AddEmployeeDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (employee: Employee) => void }) {
  const { t } = useTranslation('organisations');
  const { t: tc } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ fiscalCode: '', givenName: '', familyName: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const add = useAddEmployee();

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: field === 'fiscalCode' ? normaliseFiscalCode(value) : value }));
    setClientErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (values.fiscalCode.length !== FISCAL_CODE_LENGTH) errors.fiscalCode = t('addEmployee.fiscalCodeLength');
    if (!values.givenName.trim()) errors.givenName = t('addEmployee.givenNameRequired');
    if (!values.familyName.trim()) errors.familyName = t('addEmployee.familyNameRequired');
    setClientErrors(errors);
    const firstInvalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => errors[f]);
    if (firstInvalid) {
      document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    add.mutate(
      { fiscalCode: values.fiscalCode, givenName: values.givenName.trim(), familyName: values.familyName.trim() },
      { onSuccess: onAdded },
    );
  };

  const errorOf = (field: Field) => clientErrors[field] ?? fieldError(add.error, field);

  return (
    <Dialog
      title={t('addEmployee.title')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" color="primary" disabled={add.isPending}>
            {t('addEmployee.save')}
          </Button>
        </>
      }
    >
      <p>{t('addEmployee.intro')}</p>
      <p className="small">{tc('common.requiredFields')}</p>
      <ProblemAlert error={add.error} />
      <FiscalCodeField
        id={FIELD_IDS.fiscalCode}
        label={t('addEmployee.fiscalCode')}
        value={values.fiscalCode}
        onChange={set('fiscalCode')}
        error={errorOf('fiscalCode')}
      />
      <TextField
        id={FIELD_IDS.givenName}
        label={t('addEmployee.givenName')}
        value={values.givenName}
        onChange={set('givenName')}
        required
        autoComplete="off"
        error={errorOf('givenName')}
      />
      <TextField
        id={FIELD_IDS.familyName}
        label={t('addEmployee.familyName')}
        value={values.familyName}
        onChange={set('familyName')}
        required
        autoComplete="off"
        error={errorOf('familyName')}
      />
    </Dialog>
  );
}
