import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Row } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api, setCsrfToken } from '../api/client';
import { usePageTitle } from '../layout/page-title';
import { useRefreshSession, useSession } from '../session/session';
import { fieldError, ProblemAlert } from '../ui/problem-alert';
import { TextField } from '../ui/text-field';
import { CieButton, SpidButton } from './identity-buttons';

const FAILURE_CODES = ['user_disabled', 'login_failed', 'login_expired', 'login_cancelled'] as const;
type FailureCode = (typeof FAILURE_CODES)[number] | 'unknown';

function failureCode(value: string | null): FailureCode | null {
  if (value === null) return null;
  return (FAILURE_CODES as readonly string[]).includes(value) ? (value as FailureCode) : 'unknown';
}

interface Credentials {
  username: string;
  password: string;
  pin: string;
}

/** "Accedi a Sportello": SPID / CIE, or username + password (+ PIN for health-agency operators). */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const session = useSession();
  const refreshSession = useRefreshSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const failure = failureCode(params.get('errore'));

  const [form, setForm] = useState<Credentials>({ username: '', password: '', pin: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof Credentials, string>>>({});

  const login = useMutation({
    mutationFn: (body: { username: string; password: string; pin?: string }) =>
      api.post<{ csrfToken: string }>('/api/auth/login', body, { redirectOnUnauthorized: false }),
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      await refreshSession();
      navigate('/', { replace: true });
    },
  });

  if (session.data?.user && !login.isPending && !login.isSuccess) return <Navigate to="/" replace />;

  const set = (field: keyof Credentials) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setClientErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof clientErrors = {};
    if (!form.username.trim()) errors.username = t('login.usernameRequired');
    if (!form.password) errors.password = t('login.passwordRequired');
    setClientErrors(errors);
    if (errors.username || errors.password) {
      document.getElementById(errors.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    const pin = form.pin.trim();
    login.mutate({ username: form.username.trim(), password: form.password, ...(pin ? { pin } : {}) });
  };

  const error = login.error;
  const errorOf = (field: keyof Credentials) => clientErrors[field] ?? fieldError(error, field);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>

      {failure && <Alert color="danger">{t(`login.failure.${failure}`)}</Alert>}
      {session.isError && <Alert color="warning">{t('login.sessionUnavailable')}</Alert>}

      <Row className="g-4 mt-2">
        <Col xs={12} lg={6}>
          <section className="sportello-panel h-100" aria-labelledby="login-digital-identity">
            <h2 id="login-digital-identity" className="h4">
              {t('login.digitalIdentity')}
            </h2>
            <p>{t('login.digitalIdentityText')}</p>
            <div className="d-flex flex-column flex-sm-row flex-wrap gap-3">
              <SpidButton />
              <CieButton />
            </div>
            <p className="small mt-3 mb-0">{t('login.spidHelp')}</p>
          </section>
        </Col>
        <Col xs={12} lg={6}>
          <section className="sportello-panel h-100" aria-labelledby="login-credentials">
            <h2 id="login-credentials" className="h4">
              {t('login.credentials')}
            </h2>
            <p>{t('login.credentialsText')}</p>
            <ProblemAlert error={error} />
            <form noValidate onSubmit={submit} className="mt-4">
              <TextField
                id="login-username"
                label={t('login.username')}
                value={form.username}
                onChange={set('username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                error={errorOf('username')}
              />
              <TextField
                id="login-password"
                type="password"
                label={t('login.password')}
                value={form.password}
                onChange={set('password')}
                autoComplete="current-password"
                required
                error={errorOf('password')}
              />
              <TextField
                id="login-pin"
                type="password"
                label={t('login.pin')}
                value={form.pin}
                onChange={set('pin')}
                autoComplete="one-time-code"
                inputMode="numeric"
                hint={t('login.pinHint')}
                error={errorOf('pin')}
              />
              <Button type="submit" color="primary" disabled={login.isPending}>
                {t('login.submit')}
              </Button>
            </form>
            <p className="mt-4 mb-0">
              <Link to="/password-smarrita">{t('login.forgotPassword')}</Link>
            </p>
            <p className="mt-2 mb-0">
              {t('login.cannotSignIn')} <Link to="/assistenza/nuova-richiesta">{t('login.askHelp')}</Link>
            </p>
          </section>
        </Col>
      </Row>
    </div>
  );
}
