import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { usePageTitle } from '../layout/page-title';
import { useRefreshSession } from '../session/session';
import { PageLoading } from '../ui/page-loading';
import { fieldError, ProblemAlert, useProblemMessage } from '../ui/problem-alert';
import { TextField } from '../ui/text-field';

type Field = 'password' | 'passwordConfirmation';
const FIELD_IDS: Record<Field, string> = { password: 'reset-password', passwordConfirmation: 'reset-password-confirmation' };
const POLICY_ID = 'reset-password-policy';

/** The link's refusals (410): invalid, expired, already used or replaced by a newer one. */
function isLinkRefused(error: unknown): boolean {
  return isApiError(error) && error.code.startsWith('reset_link_');
}

/** A malformed token is refused by validation (400) before it is looked up: a broken link too. */
function isMalformedLink(error: unknown): boolean {
  return isApiError(error) && error.status === 400;
}

/**
 * "Imposta la nuova password", opened from the e-mailed link (/reimposta-password?token=…): the link
 * is checked first; a refused one says why and leads back to "Ho smarrito la password". The policy
 * comes from the server, above the fields and read with the new password. Setting it ends every
 * session of the person, so the session is refreshed before offering the login page.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('passwordReset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const refreshSession = useRefreshSession();
  const problemMessage = useProblemMessage();

  const link = useQuery({
    queryKey: ['password-reset-link', token],
    queryFn: () => api.get<{ valid: true; policy: string }>('/api/auth/password/reset', { query: { token }, redirectOnUnauthorized: false }),
    enabled: token !== '',
    // Checked once: refetching on focus would call the link "used" right after it served.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });

  const [form, setForm] = useState<Record<Field, string>>({ password: '', passwordConfirmation: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const doneRef = useRef<HTMLDivElement>(null);

  const reset = useMutation({
    mutationFn: (body: { token: string } & Record<Field, string>) => api.post<void>('/api/auth/password/reset', body, { redirectOnUnauthorized: false }),
    onSuccess: async () => {
      // His sessions have ended on the server: the header must not show him signed in.
      await refreshSession().catch(() => undefined);
    },
  });

  useEffect(() => {
    if (reset.isSuccess) doneRef.current?.focus();
  }, [reset.isSuccess]);

  const set = (field: Field) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setClientErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reset.isPending) return;
    reset.reset(); // the previous answer's errors no longer apply
    const errors: Partial<Record<Field, string>> = {};
    if (!form.password) errors.password = t('passwordReset.passwordRequired');
    if (!form.passwordConfirmation) errors.passwordConfirmation = t('passwordReset.confirmationRequired');
    else if (form.password && form.password !== form.passwordConfirmation) errors.passwordConfirmation = t('passwordReset.mismatch');
    setClientErrors(errors);
    const firstInvalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => errors[f]);
    if (firstInvalid) {
      document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    reset.mutate({ token, ...form }, { onError: (error) => focusFirstServerError(error) });
  };

  const focusFirstServerError = (error: unknown) => {
    const field = (Object.keys(FIELD_IDS) as Field[]).find((f) => fieldError(error, f));
    if (field) window.setTimeout(() => document.getElementById(FIELD_IDS[field])?.focus(), 0);
  };

  const refusal = [link.error, reset.error].find(isLinkRefused);
  const refused =
    token === '' || isMalformedLink(link.error) ? t('passwordReset.invalidLink') : refusal ? problemMessage(refusal) : null;
  const errorOf = (field: Field) => clientErrors[field] ?? fieldError(reset.error, field);

  let body;
  if (reset.isSuccess) {
    body = (
      <div ref={doneRef} tabIndex={-1} className="sportello-focus-target">
        <div className="alert alert-success">{t('passwordReset.done')}</div>
        <Link to="/accedi" className="btn btn-primary">
          {t('passwordReset.signIn')}
        </Link>
      </div>
    );
  } else if (refused) {
    body = (
      <>
        <Alert color="danger">{refused}</Alert>
        <Link to="/password-smarrita" className="btn btn-primary">
          {t('passwordReset.requestNew')}
        </Link>
      </>
    );
  } else if (link.isPending) {
    body = <PageLoading />;
  } else if (link.isError) {
    body = (
      <>
        <ProblemAlert error={link.error} />
        <Button color="primary" onClick={() => void link.refetch()}>
          {t('common.retry')}
        </Button>
      </>
    );
  } else {
    body = (
      <>
        <section className="sportello-panel mb-4" aria-labelledby={`${POLICY_ID}-title`}>
          <h2 id={`${POLICY_ID}-title`} className="h5">
            {t('passwordReset.policyTitle')}
          </h2>
          <p id={POLICY_ID} className="mb-0">
            {link.data.policy}
          </p>
        </section>
        <p className="small">{t('common.requiredFields')}</p>
        <ProblemAlert error={reset.error} />
        <form noValidate onSubmit={submit} className="mt-4">
          <TextField
            id={FIELD_IDS.password}
            type="password"
            label={t('passwordReset.password')}
            value={form.password}
            onChange={set('password')}
            autoComplete="new-password"
            required
            describedBy={POLICY_ID}
            error={errorOf('password')}
          />
          <TextField
            id={FIELD_IDS.passwordConfirmation}
            type="password"
            label={t('passwordReset.passwordConfirmation')}
            value={form.passwordConfirmation}
            onChange={set('passwordConfirmation')}
            autoComplete="new-password"
            required
            error={errorOf('passwordConfirmation')}
          />
          <Button type="submit" color="primary" aria-disabled={reset.isPending || undefined}>
            {t('passwordReset.submit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <div className="container-xxl py-4 py-lg-5">
      <div className="row">
        <div className="col-12 col-lg-8 col-xl-7">
          <h1>{t('passwordReset.title')}</h1>
          {body}
        </div>
      </div>
    </div>
  );
}
