import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { FiscalCodeField } from '../../../core/ui/fiscal-code-field';
import { ProblemAlert, fieldError } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { FISCAL_CODE_LENGTH, normaliseFiscalCode } from '../../../lib/fiscal-code';
import { searchBeneficiary, voucherQueryKey } from './api';
import { voucherPath } from './paths';

type SearchBy = 'fiscalCode' | 'healthCard';
const FIELD_ID = { fiscalCode: 'beneficiary-fiscal-code', healthCard: 'beneficiary-health-card' } as const;

/**
 * "Ricerca Beneficiario" (seed 000 §04): by Codice Fiscale or Tessera Sanitaria, then "Cerca
 * Beneficiario". The server refuses a malformed code before any lookup; its message goes on the field.
 */
export function BeneficiarySearch() {
  const { t } = useTranslation('vouchers-merchant');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [by, setBy] = useState<SearchBy>('fiscalCode');
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const fiscalCode = normaliseFiscalCode(value);
    const healthCard = value.replace(/\s+/g, '');
    const invalid =
      by === 'fiscalCode'
        ? fiscalCode.length !== FISCAL_CODE_LENGTH && t('search.fiscalCodeRequired')
        : !/^\d{20}$/.test(healthCard) && t('search.healthCardInvalid');
    setLocalError(invalid || undefined);
    if (invalid) {
      document.getElementById(FIELD_ID[by])?.focus();
      return;
    }
    setBusy(true);
    try {
      const view = await searchBeneficiary(by === 'fiscalCode' ? { fiscalCode } : { healthCard });
      queryClient.setQueryData(voucherQueryKey(view.voucher.id), view);
      navigate(voucherPath(view.voucher.id));
    } catch (failure) {
      setError(failure);
      if (isApiError(failure) && failure.status === 400) document.getElementById(FIELD_ID[by])?.focus();
    } finally {
      setBusy(false);
    }
  };

  const serverFieldError = fieldError(error, by);
  const shownError = localError ?? serverFieldError;
  const change = (next: string) => {
    setValue(by === 'fiscalCode' ? normaliseFiscalCode(next) : next);
    setLocalError(undefined);
    setError(null);
  };

  return (
    <section aria-labelledby="beneficiary-search-title" className="sportello-panel mb-5">
      <h2 id="beneficiary-search-title" className="h3">
        {t('search.title')}
      </h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="mb-3">
          <legend className="fs-6 fw-semibold mb-2">{t('search.by')}</legend>
          {(['fiscalCode', 'healthCard'] as const).map((option) => (
            <div key={option} className="form-check form-check-inline">
              <input
                type="radio"
                id={`search-by-${option}`}
                name="search-by"
                checked={by === option}
                onChange={() => {
                  setBy(option);
                  setValue('');
                  setLocalError(undefined);
                  setError(null);
                }}
              />
              <label htmlFor={`search-by-${option}`}>{option === 'fiscalCode' ? t('search.byFiscalCode') : t('search.byHealthCard')}</label>
            </div>
          ))}
        </fieldset>
        {by === 'fiscalCode' ? (
          <FiscalCodeField id={FIELD_ID.fiscalCode} label={t('search.fiscalCode')} value={value} onChange={change} error={shownError} />
        ) : (
          <TextField
            id={FIELD_ID.healthCard}
            label={t('search.healthCard')}
            value={value}
            onChange={change}
            inputMode="numeric"
            autoComplete="off"
            required
            hint={t('search.healthCardHint')}
            error={shownError}
          />
        )}
        {/* A refusal tied to no field (e.g. nobody found) is shown here. */}
        {!serverFieldError && <ProblemAlert error={error} className="mb-3" />}
        <Button type="submit" color="primary" disabled={busy} aria-busy={busy || undefined}>
          {t('search.submit')}
        </Button>
      </form>
    </section>
  );
}
