import { useMutation } from '@tanstack/react-query';
import { Button, Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FISCAL_CODE_LENGTH, normaliseFiscalCode } from '../../lib/fiscal-code';
import { api } from '../api/client';
import { usePageTitle } from '../layout/page-title';
import { fieldError, ProblemAlert } from '../ui/problem-alert';
import { FiscalCodeField } from '../ui/fiscal-code-field';
import { TextField } from '../ui/text-field';

type Field = 'givenName' | 'familyName' | 'fiscalCode';
const FIELD_IDS: Record<Field, string> = {
  givenName: 'forgot-given-name',
  familyName: 'forgot-family-name',
  fiscalCode: 'forgot-fiscal-code',
};

/**
 * "Ho smarrito la password" (seed 003 §1.1): name, surname and codice fiscale. The server answers
 * the same whether or not they match an account, and e-mails a link to /reimposta-password when
 * they do. Once accepted, the form gives way to the server's message, so it is not sent twice by
 * mistake; "Invia una nuova richiesta" brings it back.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordForgot.title'));
  const [values, setValues] = useState<Record<Field, string>>({ givenName: '', familyName: '', fiscalCode: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [accepted, setAccepted] = useState<string | null>(null);
  const acceptedRef = useRef<HTMLDivElement>(null);

  const request = useMutation({
    mutationFn: (body: Record<Field, string>) => api.post<{ message: string }>('/api/auth/password/forgot', body, { redirectOnUnauthorized: false }),
    onSuccess: ({ message }) => setAccepted(message),
  });

  // The form (and the focused button) are gone: the message takes focus, so it is read at once.
  useEffect(() => {
    if (accepted) acceptedRef.current?.focus();
  }, [accepted]);

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: field === 'fiscalCode' ? normaliseFiscalCode(value) : value }));
    setClientErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    request.reset(); // the previous answer's errors no longer apply
    const errors: Partial<Record<Field, string>> = {};
    if (!values.givenName.trim()) errors.givenName = t('passwordForgot.givenNameRequired');
    if (!values.familyName.trim()) errors.familyName = t('passwordForgot.familyNameRequired');
    if (values.fiscalCode.length !== FISCAL_CODE_LENGTH) errors.fiscalCode = t('passwordForgot.fiscalCodeLength');
    setClientErrors(errors);
    const firstInvalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => errors[f]);
    if (firstInvalid) {
      document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    request.mutate(
      { givenName: values.givenName.trim(), familyName: values.familyName.trim(), fiscalCode: values.fiscalCode },
      {
        // A field the server refused (e.g. the codice fiscale's check character) takes focus.
        onError: (error) => {
          const field = (Object.keys(FIELD_IDS) as Field[]).find((f) => fieldError(error, f));
          if (field) window.setTimeout(() => document.getElementById(FIELD_IDS[field])?.focus(), 0);
        },
      },
    );
  };

  const again = () => {
    request.reset();
    setAccepted(null);
    window.setTimeout(() => document.getElementById(FIELD_IDS.givenName)?.focus(), 0);
  };

  const errorOf = (field: Field) => clientErrors[field] ?? fieldError(request.error, field);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <div className="row">
        <div className="col-12 col-lg-8 col-xl-7">
          <h1>{t('passwordForgot.title')}</h1>
          <p className="lead">{t('passwordForgot.intro')}</p>

          {accepted ? (
            <>
              <div ref={acceptedRef} tabIndex={-1} className="sportello-focus-target">
                <Callout color="success" className="mb-0">
                  <CalloutTitle tag="h2" className="h5">
                    {t('passwordForgot.sentTitle')}
                  </CalloutTitle>
                  <CalloutText>{accepted}</CalloutText>
                </Callout>
              </div>
              <div className="d-flex flex-wrap align-items-center gap-4 mt-4">
                <Link to="/accedi" className="btn btn-primary">
                  {t('passwordForgot.backToLogin')}
                </Link>
                <Button type="button" color="primary" outline onClick={again}>
                  {t('passwordForgot.again')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <p className="small">{t('common.requiredFields')}</p>
              <ProblemAlert error={request.error} />
              <form noValidate onSubmit={submit} className="mt-4">
                <TextField
                  id={FIELD_IDS.givenName}
                  label={t('passwordForgot.givenName')}
                  value={values.givenName}
                  onChange={set('givenName')}
                  autoComplete="given-name"
                  required
                  error={errorOf('givenName')}
                />
                <TextField
                  id={FIELD_IDS.familyName}
                  label={t('passwordForgot.familyName')}
                  value={values.familyName}
                  onChange={set('familyName')}
                  autoComplete="family-name"
                  required
                  error={errorOf('familyName')}
                />
                <FiscalCodeField
                  id={FIELD_IDS.fiscalCode}
                  label={t('passwordForgot.fiscalCode')}
                  value={values.fiscalCode}
                  onChange={set('fiscalCode')}
                  error={errorOf('fiscalCode')}
                />
                <div className="d-flex flex-wrap align-items-center gap-4">
                  <Button type="submit" color="primary" aria-disabled={request.isPending || undefined}>
                    {t('passwordForgot.submit')}
                  </Button>
                  <Link to="/accedi">{t('passwordForgot.backToLogin')}</Link>
                </div>
              </form>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
