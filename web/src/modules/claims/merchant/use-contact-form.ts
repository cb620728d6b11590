import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/api-error';
import { type ContactField, type ContactValues, missingContactFields } from './contact-fields';
import { CONTACT_FIELD_ID } from './contact-form-fields';

type ContactErrors = Partial<Record<ContactField, string>>;

const focusField = (field: ContactField | undefined) => {
  if (field) document.getElementById(CONTACT_FIELD_ID[field])?.focus();
};

/**
 * The state of the IBAN and Email fields: what is missing is said before sending; anything else
 * the server says on the field (422 with `fields`), and the first field in error gets the focus.
 */
export function useContactForm(initial: ContactValues) {
  const { t } = useTranslation('claims-merchant');
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ContactErrors>({});

  const change = (field: ContactField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  /** True when every editable field is filled in; otherwise marks and focuses the first empty one. */
  const checkFilled = (ibanEditable: boolean): boolean => {
    const missing = missingContactFields(values, ibanEditable);
    const next: ContactErrors = {};
    if (missing.includes('iban')) next.iban = t('contact.ibanRequired');
    if (missing.includes('email')) next.email = t('contact.emailRequired');
    setErrors(next);
    focusField(missing[0]);
    return missing.length === 0;
  };

  /** Puts the server's field messages on the fields; true if there was one to show. */
  const showServerErrors = (error: unknown): boolean => {
    const fields = isApiError(error) ? error.fields : {};
    const next: ContactErrors = { iban: fields.iban, email: fields.email };
    setErrors(next);
    const first = (['iban', 'email'] as const).find((field) => next[field]);
    focusField(first);
    return first !== undefined;
  };

  return { values, errors, change, checkFilled, showServerErrors };
}
