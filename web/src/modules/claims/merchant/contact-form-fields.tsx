import { useTranslation } from 'react-i18next';
import { TextField } from '../../../core/ui/text-field';
import type { ContactField, ContactValues } from './contact-fields';

export const CONTACT_FIELD_ID: Record<ContactField, string> = { iban: 'claim-iban', email: 'claim-email' };

interface ContactFormFieldsProps {
  values: ContactValues;
  onChange: (field: ContactField, value: string) => void;
  errors: Partial<Record<ContactField, string>>;
  /** False in "Rettifica" once the claim was evaluated: the IBAN is shown, not editable. */
  ibanEditable?: boolean;
  disabled?: boolean;
}

/** IBAN and Email of a claim, both mandatory (seed 000 §09), with the server's messages on them. */
export function ContactFormFields({ values, onChange, errors, ibanEditable = true, disabled = false }: ContactFormFieldsProps) {
  const { t } = useTranslation('claims-merchant');
  return (
    <>
      <TextField
        id={CONTACT_FIELD_ID.iban}
        label={t('contact.iban')}
        value={values.iban}
        onChange={(value) => onChange('iban', value.toUpperCase())}
        required={ibanEditable}
        disabled={disabled || !ibanEditable}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="mb-5 sportello-monospace-input"
        hint={ibanEditable ? t('contact.ibanHint') : t('contact.ibanLocked')}
        error={errors.iban}
      />
      <TextField
        id={CONTACT_FIELD_ID.email}
        type="email"
        label={t('contact.email')}
        value={values.email}
        onChange={(value) => onChange('email', value)}
        required
        disabled={disabled}
        autoComplete="email"
        spellCheck={false}
        hint={t('contact.emailHint')}
        error={errors.email}
      />
    </>
  );
}
