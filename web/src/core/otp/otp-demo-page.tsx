import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEuroToCents } from '../../lib/euro-input';
import { api } from '../api/client';
import { NotFoundPage } from '../layout/not-found-page';
import { usePageTitle } from '../layout/page-title';
import { useSignedInSession } from '../session/signed-in';
import { StatusMessage } from '../ui/status-message';
import { TextField } from '../ui/text-field';
import { type OtpChallenge, OtpConfirmation } from './otp-confirmation';

/** The server's bound (100.000,00 €), checked here too so the field says it. */
const MAX_CENTS = 100_000_00;
const AMOUNT_ID = 'otp-demo-amount';
/** Served by the server (not a page of this app): what the demo SMTP server and SMS gateway got. */
const DEMO_INBOX_URL = '/demo/inbox';

/**
 * "Prova della conferma OTP" (demo mode only, signed-in users): a pretend payment confirmed with a
 * code sent to the user's own mobile, to try OtpConfirmation end to end. The amount is frozen while a
 * code is out, since the server binds the code to it; "Modifica importo" starts over.
 */
export default function OtpDemoPage() {
  const session = useSignedInSession();
  if (!session.demo) return <NotFoundPage />;
  return <OtpDemo />;
}

function OtpDemo() {
  const { t } = useTranslation();
  usePageTitle(t('otpDemo.title'));
  const [amount, setAmount] = useState('25,00');
  const [amountError, setAmountError] = useState<string | undefined>();
  /** The amount the live code confirms; null before sending. */
  const [sentCents, setSentCents] = useState<number | null>(null);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  /** Remounts the OTP component: a new operation starts from "Salva e invia OTP". */
  const [attempt, setAttempt] = useState(0);
  const againRef = useRef<HTMLButtonElement>(null);

  const cents = (): number | null => {
    const value = parseEuroToCents(amount);
    const error =
      value === null ? t('otpDemo.amountInvalid') : value === 0 ? t('otpDemo.amountZero') : value > MAX_CENTS ? t('otpDemo.amountTooHigh') : undefined;
    setAmountError(error);
    if (error) document.getElementById(AMOUNT_ID)?.focus();
    return error ? null : value;
  };

  const startOver = () => {
    setSentCents(null);
    setConfirmed(null);
    setAttempt((n) => n + 1);
    // The button pressed is gone: on to the amount.
    window.setTimeout(() => document.getElementById(AMOUNT_ID)?.focus(), 0);
  };

  return (
    <div className="container-xxl py-4 py-lg-5">
      <div className="row">
        <div className="col-12 col-lg-8 col-xl-7">
          <h1>{t('otpDemo.title')}</h1>
          <p className="lead">{t('otpDemo.intro')}</p>
          <p>
            {t('otpDemo.inboxText')}{' '}
            <a href={DEMO_INBOX_URL} target="_blank" rel="noopener">
              {t('otpDemo.inbox')}
              <span className="visually-hidden"> {t('otpDemo.newTab')}</span>
            </a>
          </p>

          <StatusMessage message={confirmed} className="mb-3" />
          {confirmed ? (
            <Button innerRef={againRef} type="button" color="primary" onClick={startOver}>
              {t('otpDemo.again')}
            </Button>
          ) : (
            <div className="sportello-panel">
              <TextField
                id={AMOUNT_ID}
                label={t('otpDemo.amount')}
                value={amount}
                onChange={(value) => {
                  setAmount(value);
                  setAmountError(undefined);
                }}
                inputMode="decimal"
                autoComplete="off"
                readOnly={sentCents !== null}
                hint={sentCents !== null ? t('otpDemo.amountLocked') : t('otpDemo.amountHint')}
                error={amountError}
                className={sentCents !== null ? 'mb-2' : 'mb-4'}
              />
              {sentCents !== null && (
                <Button type="button" color="primary" outline size="sm" className="mb-4" onClick={startOver}>
                  {t('otpDemo.changeAmount')}
                </Button>
              )}
              <OtpConfirmation
                key={attempt}
                sentMessage={t('otpDemo.sent')}
                validate={() => (sentCents !== null ? true : cents() !== null)}
                send={async () => {
                  const value = sentCents ?? cents();
                  if (value === null) throw new Error('amount checked by validate');
                  const challenge = await api.post<OtpChallenge>('/api/demo/otp/send', { amountCents: value });
                  setSentCents(value);
                  return challenge;
                }}
                confirm={async (challengeId, code) => {
                  await api.post<{ confirmed: true }>('/api/demo/otp/confirm', { challengeId, code, amountCents: sentCents });
                }}
                onConfirmed={() => {
                  setConfirmed(t('otpDemo.confirmed'));
                  window.setTimeout(() => againRef.current?.focus(), 0);
                }}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
