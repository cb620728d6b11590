import { Button } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/api-error';
import { FiscalCodeField } from '../../../core/ui/fiscal-code-field';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { TextField } from '../../../core/ui/text-field';
import { type Catalogue, type FiledRequest, fileRequest } from './api';
import { attachmentProblem, uploadPercent } from './attachment';
import { AttachmentField } from './attachment-field';
import { CountedTextArea } from './counted-text-area';
import { ErrorSummary, type SummaryEntry } from './error-summary';
import { HoneypotField } from './honeypot-field';
import { useProblemText } from './problem-text';
import {
  DESCRIPTION_MAX,
  prefilledForm,
  REQUEST_FIELDS,
  type RequestField,
  type RequestFormValues,
  requestFormProblems,
  requestPayload,
} from './request-form';

/** The id of each field's input, for labels, the error summary and the focus. */
export const FIELD_IDS: Record<RequestField, string> = {
  serviceCode: 'helpdesk-service',
  roleCode: 'helpdesk-role',
  givenName: 'helpdesk-given-name',
  familyName: 'helpdesk-family-name',
  fiscalCode: 'helpdesk-fiscal-code',
  email: 'helpdesk-email',
  phone: 'helpdesk-phone',
  agencyId: 'helpdesk-agency',
  categoryCode: 'helpdesk-category',
  description: 'helpdesk-description',
  attachment: 'helpdesk-attachment',
};

type FieldErrors = Partial<Record<RequestField, string>>;

interface NewRequestFormProps {
  catalogue: Catalogue;
  csrfToken: string;
  onFiled: (filed: FiledRequest, email: string) => void;
}

/**
 * The form of seed 004 §2.2, as the seed lists it: Servizio; Dati richiedente (Ruolo, Nome,
 * Cognome, Codice fiscale with its "0/16" counter, Email, Recapito telefonico, ASR di competenza);
 * Problema riscontrato (Tipologia, Descrizione della richiesta); Allegato; INVIA. The browser
 * checks what it can, the server decides; either way the messages sit on their fields, are
 * listed above the form, and the focus goes to the first.
 */
export function NewRequestForm({ catalogue, csrfToken, onFiled }: NewRequestFormProps) {
  const { t } = useTranslation('helpdesk-citizen');
  const problemText = useProblemText();
  const [values, setValues] = useState<RequestFormValues>(() => prefilledForm(catalogue.prefill));
  const [attachment, setAttachment] = useState<File | null>(null);
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  // A new object at every failed submit, so the focus moves again even to the same field.
  const [focusOn, setFocusOn] = useState<{ field: RequestField } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // From the SPID/CIE identity: the request is linked to this person, so his code is not retyped.
  const lockedFiscalCode = catalogue.prefill?.fiscalCode ?? null;
  const descriptionMax = catalogue.limits.descriptionMaxLength || DESCRIPTION_MAX;

  useEffect(() => {
    if (focusOn) document.getElementById(FIELD_IDS[focusOn.field])?.focus();
  }, [focusOn]);

  const change = (field: keyof RequestFormValues) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  };

  const chooseAttachment = (file: File | null) => {
    setAttachment(file);
    // Said at once, before any upload: wrong type, empty, over 1MB.
    const problem = file ? attachmentProblem(file) : null;
    setErrors((current) => ({ ...current, attachment: problem ? problemText('attachment', problem, { attachment: file, description: '' }) : undefined }));
  };

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    const first = REQUEST_FIELDS.find((field) => found[field]);
    if (first) setFocusOn({ field: first });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const problems = requestFormProblems(values, attachment);
    const found: FieldErrors = {};
    for (const field of REQUEST_FIELDS) {
      const problem = problems[field];
      if (problem) found[field] = problemText(field, problem, { attachment, description: values.description });
    }
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    setProgress(attachment ? 0 : null);
    const payload = requestPayload(values);
    try {
      const filed = await fileRequest(
        { ...payload, sitoWeb: honeypot },
        { csrfToken, attachment, onProgress: (sent, total) => setProgress(uploadPercent(sent, total)) },
      );
      onFiled(filed, payload.email);
    } catch (error) {
      const onFields: FieldErrors = {};
      if (isApiError(error)) for (const field of REQUEST_FIELDS) if (error.fields[field]) onFields[field] = error.fields[field];
      if (Object.keys(onFields).length > 0) showErrors(onFields);
      else {
        setFailure(error);
        failureRef.current?.focus();
      }
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const summary: SummaryEntry[] = REQUEST_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
  });
  const required = (label: string) => t('required', { label });
  const options = (entries: { code: string; label: string }[]) => entries.map((entry) => ({ value: entry.code, label: entry.label }));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-describedby="helpdesk-required-note">
      <p id="helpdesk-required-note" className="small">
        {t('requiredNote')}
      </p>
      <ErrorSummary entries={summary} />
      <div ref={failureRef} tabIndex={-1}>
        <ProblemAlert error={failure} className="mb-4" />
      </div>

      <SelectField
        id={FIELD_IDS.serviceCode}
        label={required(t('newRequest.service'))}
        emptyLabel={t('newRequest.chooseService')}
        options={options(catalogue.services)}
        value={values.serviceCode}
        onChange={change('serviceCode')}
        error={errors.serviceCode}
        className="mb-4"
      />

      <fieldset className="mb-4">
        <legend className="h4 mb-4">{t('newRequest.applicant')}</legend>
        <SelectField
          id={FIELD_IDS.roleCode}
          label={required(t('newRequest.role'))}
          emptyLabel={t('newRequest.chooseRole')}
          options={options(catalogue.roles)}
          value={values.roleCode}
          onChange={change('roleCode')}
          error={errors.roleCode}
          className="mb-4"
        />
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id={FIELD_IDS.givenName}
              label={required(t('newRequest.givenName'))}
              value={values.givenName}
              onChange={change('givenName')}
              error={errors.givenName}
              required
              autoComplete="given-name"
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id={FIELD_IDS.familyName}
              label={required(t('newRequest.familyName'))}
              value={values.familyName}
              onChange={change('familyName')}
              error={errors.familyName}
              required
              autoComplete="family-name"
            />
          </div>
        </div>
        {lockedFiscalCode ? (
          <TextField
            id={FIELD_IDS.fiscalCode}
            label={required(t('newRequest.fiscalCode'))}
            value={values.fiscalCode}
            onChange={() => undefined}
            readOnly
            required
            hint={t('newRequest.fiscalCodeFromIdentity')}
            error={errors.fiscalCode}
            className="mb-4 sportello-monospace-input"
          />
        ) : (
          <FiscalCodeField
            id={FIELD_IDS.fiscalCode}
            label={required(t('newRequest.fiscalCode'))}
            value={values.fiscalCode}
            onChange={(value) => change('fiscalCode')(value.toUpperCase())}
            error={errors.fiscalCode}
          />
        )}
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id={FIELD_IDS.email}
              type="email"
              label={required(t('newRequest.email'))}
              value={values.email}
              onChange={change('email')}
              hint={t('newRequest.emailHint')}
              error={errors.email}
              required
              autoComplete="email"
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id={FIELD_IDS.phone}
              type="tel"
              label={required(t('newRequest.phone'))}
              value={values.phone}
              onChange={change('phone')}
              hint={t('newRequest.phoneHint')}
              error={errors.phone}
              required
              autoComplete="tel"
            />
          </div>
        </div>
        <SelectField
          id={FIELD_IDS.agencyId}
          label={required(t('newRequest.agency'))}
          emptyLabel={t('newRequest.chooseAgency')}
          options={catalogue.agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          value={values.agencyId}
          onChange={change('agencyId')}
          error={errors.agencyId}
          className="mb-4"
        />
      </fieldset>

      <fieldset className="mb-4">
        <legend className="h4 mb-4">{t('newRequest.problem')}</legend>
        <SelectField
          id={FIELD_IDS.categoryCode}
          label={required(t('newRequest.category'))}
          emptyLabel={t('newRequest.chooseCategory')}
          options={options(catalogue.categories)}
          value={values.categoryCode}
          onChange={change('categoryCode')}
          error={errors.categoryCode}
          className="mb-4"
        />
        <CountedTextArea
          id={FIELD_IDS.description}
          label={required(t('newRequest.description'))}
          value={values.description}
          onChange={change('description')}
          max={descriptionMax}
          hint={t('newRequest.descriptionHint')}
          error={errors.description}
          required
        />
      </fieldset>

      <AttachmentField id={FIELD_IDS.attachment} file={attachment} onChange={chooseAttachment} error={errors.attachment} disabled={busy} progress={progress} />
      <HoneypotField value={honeypot} onChange={setHoneypot} />

      <div className="d-flex flex-wrap align-items-center gap-3">
        <Button type="submit" color="primary" disabled={busy} aria-busy={busy || undefined}>
          {t('newRequest.submit')}
        </Button>
        <p role="status" className="mb-0">
          {/* One message while sending: the percentage is in the progress bar, not spoken at every step. */}
          {busy ? t('newRequest.sending') : ''}
        </p>
      </div>
    </form>
  );
}
