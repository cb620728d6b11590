/**
 * OtpConfirmation: "Salva e invia OTP" then "Verifica Codice" (SPEC §1.3, seed 000 and 003), the
 * strong confirmation of purchases, cancellations and submissions.
 *
 * Usage
 * ```tsx
 * <OtpConfirmation
 *   send={() => api.post<OtpChallenge>('/api/…/otp', operation)}            // saves, asks for a code
 *   confirm={(challengeId, code) => api.post<void>('/api/…/confirm', { challengeId, code, ...operation })}
 *   onConfirmed={() => { showOutcome(); focusIt(); }}
 * />
 * ```
 * - `send` is called by "Salva e invia OTP" and again by "Invia un nuovo codice" (the server voids
 *   the previous code). It resolves to `{ challengeId, expiresInSeconds }`: the countdown runs from
 *   those seconds on the browser's monotonic clock, never from the browser's date.
 * - The server binds the code to the operation, so `confirm` must send the same operation as `send`:
 *   freeze the form while a code is out (e.g. read-only fields), or remount the component with a new
 *   `key` when the operation changes.
 * - `validate` (optional) runs before each send; return false to stop, after showing your own errors.
 * - Once confirmed the component renders nothing: the caller shows the outcome and moves focus there.
 * - Errors (problem+json `detail`: otp_invalid "… Tentativi rimasti: 3.", otp_expired, otp_exhausted,
 *   otp_void, otp_used; 429 and the like from send) appear in an alert tied to the code input.
 * - Screen readers: the visible countdown is a role="timer" (not live); a hidden polite region says
 *   the seconds left only at 60, 30 and 10 s, and the expiry message is announced once.
 */
import { Button } from 'design-react-kit';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownMilestone, secondsLeft } from '../../lib/countdown';
import { isApiError } from '../api/api-error';
import { useProblemMessage } from '../ui/problem-alert';
import { TextField } from '../ui/text-field';

export interface OtpChallenge {
  challengeId: string;
  expiresInSeconds: number;
}

export interface OtpConfirmationProps {
  send: () => Promise<OtpChallenge>;
  confirm: (challengeId: string, code: string) => Promise<void>;
  onConfirmed: () => void;
  /** Runs before each send; false stops it (the caller has shown why). */
  validate?: () => boolean;
  /** Default "Salva e invia OTP". */
  sendLabel?: string;
  /** Default "Codice inviato al numero di cellulare del beneficiario." */
  sentMessage?: string;
  disabled?: boolean;
}

const CODE = /^\d{6}$/;
/** Refusals after which the code can no longer be confirmed: only a new code helps. */
const FINAL_REFUSALS = new Set(['otp_expired', 'otp_exhausted', 'otp_void', 'otp_used', 'otp_not_found']);

interface LiveChallenge {
  id: string;
  /** performance.now() at which the code expires. */
  deadline: number;
  /** 1 for the first code, 2 for the next…: remounts the "sent" message so it is announced again. */
  serial: number;
}

/** Seconds left to a deadline on the monotonic clock, re-rendering when the number changes. */
function useSecondsLeft(deadline: number | null): number {
  const [, setShown] = useState(0);
  useEffect(() => {
    if (deadline === null) return undefined;
    const timer = window.setInterval(() => {
      const left = secondsLeft(deadline, performance.now());
      setShown(left);
      if (left === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);
  // Read at render, so a new deadline never shows the previous one's value for a frame.
  return deadline === null ? 0 : secondsLeft(deadline, performance.now());
}

export function OtpConfirmation({ send, confirm, onConfirmed, validate, sendLabel, sentMessage, disabled = false }: OtpConfirmationProps) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const id = `otp-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ids = { code: `${id}-code`, error: `${id}-error`, timer: `${id}-timer`, resend: `${id}-resend` };

  const [challenge, setChallenge] = useState<LiveChallenge | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  /** The server refused the current code for good (expired, exhausted, replaced, used). */
  const [spent, setSpent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const busyRef = useRef(false);
  const milestone = useRef<number | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const left = useSecondsLeft(challenge?.deadline ?? null);
  const expired = challenge !== null && left === 0;

  // Tell screen readers the seconds left only when a milestone (60, 30, 10 s) is crossed.
  useEffect(() => {
    if (!challenge) return;
    const reached = countdownMilestone(left);
    if (reached === milestone.current) return;
    milestone.current = reached;
    // At 0 the visible expiry message, in its own live region, speaks.
    setAnnouncement(reached ? t('otp.countdown', { count: left }) : '');
  }, [challenge, left, t]);

  // A new code: the field is empty and takes focus (the button that asked for it may be gone).
  const serial = challenge?.serial ?? 0;
  useEffect(() => {
    if (serial > 0) document.getElementById(ids.code)?.focus();
  }, [serial, ids.code]);

  /** One request at a time; buttons stay focusable meanwhile (aria-disabled), so focus is not lost. */
  const run = async (work: () => Promise<void>) => {
    if (busyRef.current || disabled) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      if (mounted.current) setError(failure);
    } finally {
      busyRef.current = false;
      if (mounted.current) setBusy(false);
    }
  };

  const requestCode = () => {
    if (busyRef.current || disabled) return;
    if (validate && !validate()) return;
    void run(async () => {
      const next = await send();
      if (!mounted.current) return;
      milestone.current = countdownMilestone(next.expiresInSeconds);
      setAnnouncement('');
      setChallenge((previous) => ({
        id: next.challengeId,
        deadline: performance.now() + next.expiresInSeconds * 1000,
        serial: (previous?.serial ?? 0) + 1,
      }));
      setCode('');
      setSpent(false);
    });
  };

  const canVerify = challenge !== null && CODE.test(code) && !expired && !spent && !disabled;

  const verify = () => {
    if (!canVerify || !challenge) return;
    void run(async () => {
      try {
        await confirm(challenge.id, code);
      } catch (failure) {
        if (isApiError(failure) && FINAL_REFUSALS.has(failure.code)) {
          setSpent(true);
          // "Verifica Codice" is now disabled: the way on is a new code.
          window.setTimeout(() => document.getElementById(ids.resend)?.focus(), 0);
        }
        throw failure;
      }
      if (!mounted.current) return;
      setConfirmed(true);
      setChallenge(null);
      onConfirmed();
    });
  };

  const onCodeKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter verifies; it must not submit a form the component may sit in.
    if (event.key === 'Enter') {
      event.preventDefault();
      verify();
    }
  };

  if (confirmed) return null;

  const errorAlert = error ? (
    <div id={ids.error} role="alert" className="alert alert-danger mb-3">
      {problemMessage(error)}
    </div>
  ) : null;
  const busyProps = busy ? { 'aria-disabled': true, className: 'disabled' } : {};

  return (
    <div className="sportello-otp">
      {/* Always in the page, so what appears in them is announced. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {challenge &&
          (expired ? (
            <div className="alert alert-warning mb-3">{t('otp.expired')}</div>
          ) : (
            <div key={challenge.serial} className="alert alert-info mb-3">
              {sentMessage ?? t('otp.sent')}
            </div>
          ))}
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      {!challenge ? (
        <>
          {errorAlert}
          <Button type="button" color="primary" disabled={disabled} onClick={requestCode} {...busyProps}>
            {sendLabel ?? t('otp.send')}
          </Button>
        </>
      ) : (
        <>
          {!expired && (
            <p id={ids.timer} role="timer" aria-live="off" aria-atomic="true" className="sportello-otp-timer mb-4">
              {t('otp.countdown', { count: left })}
            </p>
          )}
          <TextField
            id={ids.code}
            label={t('otp.code')}
            value={code}
            onChange={(value) => {
              setCode(value.replace(/\D/g, '').slice(0, 6));
              if (!spent) setError(null);
            }}
            onKeyDown={onCodeKeyDown}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            spellCheck={false}
            hint={t('otp.codeHint')}
            describedBy={[expired ? undefined : ids.timer, error ? ids.error : undefined].filter(Boolean).join(' ') || undefined}
            invalid={Boolean(error)}
            className="mb-3 sportello-otp-code sportello-monospace-input"
          />
          {errorAlert}
          <div className="d-flex flex-wrap gap-3">
            <Button type="button" color="primary" disabled={!canVerify} onClick={verify} {...busyProps}>
              {t('otp.verify')}
            </Button>
            <Button id={ids.resend} type="button" color="primary" outline disabled={disabled} onClick={requestCode} {...busyProps}>
              {t('otp.resend')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
