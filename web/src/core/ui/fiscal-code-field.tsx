import { useTranslation } from 'react-i18next';
import { FISCAL_CODE_LENGTH } from '../../lib/fiscal-code';
import { TextField } from './text-field';

interface FiscalCodeFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * A codice fiscale input with the live "n/16" counter (announced as "n caratteri su 16"). The
 * caller normalises the value (lib/fiscal-code); the server checks pattern and check character.
 */
export function FiscalCodeField({ id, label, value, onChange, error }: FiscalCodeFieldProps) {
  const { t } = useTranslation();
  const count = value.length;
  const counterId = `${id}-counter`;
  return (
    <div className="position-relative">
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        className="mb-1 sportello-monospace-input"
        describedBy={counterId}
        error={error}
      />
      <small id={counterId} className={`form-text d-block text-end mb-4${count > FISCAL_CODE_LENGTH ? ' sportello-text-error' : ''}`}>
        <span aria-hidden="true">{t('common.fiscalCodeCounter', { count })}</span>
        <span className="visually-hidden">{t('common.fiscalCodeCounterLabel', { count })}</span>
      </small>
    </div>
  );
}
