import { Button } from 'design-react-kit';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { parseEuroToCents } from '../../../lib/euro-input';
import { useCreateProgram, useMerchantStructures } from './api';
import { PROGRAMS_PATH, programPath } from './paths';
import { useProgramsText } from './text';
import { EXAMPLE_ACTIVATION, voucherExpiryDate } from './voucher-expiry';
import { formatDate } from '../../../lib/format';

type Field = 'name' | 'faceValue' | 'validity';

/** "Nuovo programma": name, face value in euro (sent in cents), validity in months, eligible merchants. */
export default function NewProgramPage() {
  const text = useProgramsText();
  const c = text.create;
  const { t } = useTranslation();
  usePageTitle(c.title);
  const navigate = useNavigate();
  const merchants = useMerchantStructures();
  const create = useCreateProgram();
  const filterId = useId();

  const [name, setName] = useState('');
  const [faceValue, setFaceValue] = useState('');
  const [validity, setValidity] = useState('12');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (merchants.data ?? []).filter((m) => m.name.toLowerCase().includes(q));
  }, [merchants.data, filter]);

  const clear = (field: Field) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const validityMonths = /^\d{1,3}$/.test(validity.trim()) ? Number(validity.trim()) : Number.NaN;

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseEuroToCents(faceValue);
    const found: Partial<Record<Field, string>> = {};
    if (name.trim() === '') found.name = c.nameRequired;
    if (cents === null || cents <= 0) found.faceValue = c.faceValueInvalid;
    if (!(validityMonths >= 1 && validityMonths <= 120)) found.validity = c.validityInvalid;
    setErrors(found);
    const first = (['name', 'faceValue', 'validity'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`program-${first}`)?.focus();
      return;
    }
    create.mutate(
      { name: name.trim(), faceValueCents: cents!, validityMonths, merchantStructureIds: [...chosen] },
      { onSuccess: (detail) => navigate(programPath(detail.program.id), { state: { message: c.done(detail.program.name) } }) },
    );
  };

  const serverError = (field: string) => fieldError(create.error, field);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: text.list.title, to: PROGRAMS_PATH }, { label: c.title }]} />
      <h1>{c.title}</h1>
      <p className="lead">{c.intro}</p>
      <p className="small">{c.required}</p>

      <form noValidate onSubmit={submit} className="sportello-panel" style={{ maxWidth: '48rem' }}>
        <ProblemAlert error={create.error} />
        <TextField
          id="program-name"
          label={c.name}
          value={name}
          onChange={(value) => {
            setName(value);
            clear('name');
          }}
          maxLength={200}
          required
          error={errors.name ?? serverError('name')}
        />
        <TextField
          id="program-faceValue"
          label={c.faceValue}
          value={faceValue}
          onChange={(value) => {
            setFaceValue(value);
            clear('faceValue');
          }}
          inputMode="decimal"
          autoComplete="off"
          required
          hint={c.faceValueHint}
          error={errors.faceValue ?? serverError('faceValueCents')}
        />
        <TextField
          id="program-validity"
          label={c.validity}
          value={validity}
          onChange={(value) => {
            setValidity(value);
            clear('validity');
          }}
          inputMode="numeric"
          autoComplete="off"
          required
          hint={Number.isNaN(validityMonths) || validityMonths < 1 ? c.validityHint : text.expiryRule(validityMonths, formatDate(voucherExpiryDate(EXAMPLE_ACTIVATION, validityMonths)))}
          error={errors.validity ?? serverError('validityMonths')}
        />

        <fieldset className="mb-4">
          <legend className="h5">{c.merchants}</legend>
          <p className="small mb-3">{c.merchantsHint}</p>
          <ProblemAlert error={merchants.error} />
          {merchants.data && merchants.data.length === 0 && <p>{c.noMerchants}</p>}
          {merchants.data && merchants.data.length > 8 && (
            <TextField id={filterId} type="search" label={c.merchantsFilter} value={filter} onChange={setFilter} autoComplete="off" className="mb-3" />
          )}
          <ul className="list-unstyled mb-2" style={{ maxHeight: '20rem', overflowY: 'auto' }}>
            {shown.map((merchant) => (
              <li key={merchant.id} className="form-check">
                <input id={`merchant-${merchant.id}`} type="checkbox" checked={chosen.has(merchant.id)} onChange={() => toggle(merchant.id)} />
                <label htmlFor={`merchant-${merchant.id}`}>{merchant.name}</label>
              </li>
            ))}
          </ul>
          {merchants.data && merchants.data.length > 0 && shown.length === 0 && <p>{c.noMatch}</p>}
          <p className="small mb-0" aria-live="polite">
            {c.selected(chosen.size)}
          </p>
          {serverError('merchantStructureIds') && <div className="sportello-field-error">{serverError('merchantStructureIds')}</div>}
        </fieldset>

        <div className="d-flex gap-2">
          <Button type="submit" color="primary" disabled={create.isPending}>
            {c.submit}
          </Button>
          <Button type="button" color="primary" outline onClick={() => navigate(PROGRAMS_PATH)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
