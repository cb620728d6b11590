import { Badge, Button, Col, Row } from 'design-react-kit';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../core/layout/page-title';
import { usePlatformNow } from '../../core/session/platform-clock';
import { Breadcrumbs } from '../../core/ui/breadcrumbs';
import { Dialog } from '../../core/ui/dialog';
import { PageLoading } from '../../core/ui/page-loading';
import { fieldError, ProblemAlert } from '../../core/ui/problem-alert';
import { StatusMessage } from '../../core/ui/status-message';
import { TextField } from '../../core/ui/text-field';
import { formatDateTime } from '../../lib/format';
import { romeLocalToIso, toRomeDateAndTime } from '../../lib/rome-time';
import { type PlatformClock, useAdvanceClock, usePlatformClock, useSetClock } from './api';

const STEPS = [
  { key: 'day', seconds: 86_400 },
  { key: 'hour', seconds: 3_600 },
  { key: 'minutes', seconds: 180 },
] as const;

type Field = 'date' | 'time';
const FIELD_IDS: Record<Field, string> = { date: 'clock-date', time: 'clock-time' };

/**
 * "Data simulata" (demo only, administrators): the platform's date now; set a date and time
 * (Italian wall time, converted to the instant it means, summer time included); move it forward
 * by a day, an hour or three minutes; back to the real date, confirmed. Every change refreshes the
 * session, so the banner under the header follows at once.
 */
export default function SimulatedDatePage() {
  const { t } = useTranslation('administration');
  const { t: tc } = useTranslation();
  usePageTitle(t('clock.title'));
  const clock = usePlatformClock();
  const setClock = useSetClock();
  const advance = useAdvanceClock();
  const now = usePlatformNow(clock.data?.now, clock.dataUpdatedAt);

  const [form, setForm] = useState<Record<Field, string>>({ date: '', time: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const currentRef = useRef<HTMLHeadingElement>(null);
  const prefilled = useRef(false);

  // The form starts from the platform's date, once it is known.
  useEffect(() => {
    if (prefilled.current || !clock.data) return;
    prefilled.current = true;
    setForm(toRomeDateAndTime(clock.data.now));
  }, [clock.data]);

  const busy = setClock.isPending || advance.isPending;
  const start = () => {
    setMessage(null);
    setError(null);
  };

  const set = (field: Field) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setClientErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!form.date) errors.date = t('clock.set.dateRequired');
    if (!form.time) errors.time = t('clock.set.timeRequired');
    const iso = errors.date || errors.time ? null : romeLocalToIso(form.date, form.time);
    if (!errors.date && !errors.time && !iso) errors.date = t('clock.set.invalid');
    setClientErrors(errors);
    const firstInvalid = (Object.keys(FIELD_IDS) as Field[]).find((f) => errors[f]);
    if (firstInvalid || !iso) {
      if (firstInvalid) document.getElementById(FIELD_IDS[firstInvalid])?.focus();
      return;
    }
    start();
    setClock.mutate(iso, {
      onSuccess: (result) => {
        setForm(toRomeDateAndTime(result.now));
        setMessage(t('clock.set.done', { when: formatDateTime(result.now) }));
      },
      onError: setError,
    });
  };

  const step = (seconds: number) => {
    start();
    advance.mutate(seconds, {
      onSuccess: (result) => {
        setForm(toRomeDateAndTime(result.now));
        setMessage(t('clock.advance.done', { when: formatDateTime(result.now) }));
      },
      onError: setError,
    });
  };

  const resetDone = (result: PlatformClock) => {
    setConfirmReset(false);
    setForm(toRomeDateAndTime(result.now));
    setMessage(t('clock.reset.done', { when: formatDateTime(result.now) }));
    // The button that opened the dialog is gone with the simulated date: focus the date it shows.
    window.setTimeout(() => currentRef.current?.focus(), 0);
  };

  const errorOf = (field: Field) => clientErrors[field] ?? fieldError(error, field);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('clock.title') }]} />
      <h1>{t('clock.title')}</h1>
      <p className="lead">{t('clock.intro')}</p>

      <StatusMessage message={message} className="mb-3" />
      <ProblemAlert error={error ?? clock.error} />

      {clock.isPending ? (
        <PageLoading />
      ) : clock.data && now ? (
        <>
          <section className="sportello-panel mb-4" aria-labelledby="clock-current">
            <h2 id="clock-current" ref={currentRef} tabIndex={-1} className="h4">
              {t('clock.current')}
            </h2>
            <p className="sportello-clock-now mb-2">
              <time dateTime={now.toISOString()}>{formatDateTime(now)}</time>{' '}
              <Badge color={clock.data.simulated ? 'warning' : 'success'} className="sportello-clock-badge">
                {clock.data.simulated ? t('clock.simulated') : t('clock.real')}
              </Badge>
            </p>
            <p className="mb-0 sportello-muted">{t('clock.timeZone')}</p>
          </section>

          <section className="sportello-panel mb-4" aria-labelledby="clock-set">
            <h2 id="clock-set" className="h4 mb-4">
              {t('clock.set.title')}
            </h2>
            <form noValidate onSubmit={submit}>
              <Row>
                <Col xs={12} md={4}>
                  <TextField
                    id={FIELD_IDS.date}
                    type="date"
                    label={t('clock.set.date')}
                    value={form.date}
                    onChange={set('date')}
                    error={errorOf('date')}
                    required
                  />
                </Col>
                <Col xs={12} md={3}>
                  <TextField
                    id={FIELD_IDS.time}
                    type="time"
                    label={t('clock.set.time')}
                    value={form.time}
                    onChange={set('time')}
                    error={errorOf('time')}
                    hint={t('clock.timeZone')}
                    required
                  />
                </Col>
              </Row>
              <Button type="submit" color="primary" disabled={busy}>
                {t('clock.set.submit')}
              </Button>
            </form>
          </section>

          <section className="sportello-panel mb-4" aria-labelledby="clock-advance">
            <h2 id="clock-advance" className="h4">
              {t('clock.advance.title')}
            </h2>
            <p>{t('clock.advance.intro')}</p>
            <div className="d-flex flex-wrap gap-2">
              {STEPS.map(({ key, seconds }) => (
                <Button
                  key={key}
                  type="button"
                  color="primary"
                  outline
                  disabled={busy}
                  onClick={() => step(seconds)}
                  aria-describedby={key === 'minutes' ? 'clock-minutes-hint' : undefined}
                >
                  {t(`clock.advance.${key}`)}
                </Button>
              ))}
            </div>
            <p id="clock-minutes-hint" className="form-text mt-2 mb-0">
              {t('clock.advance.minutesHint')}
            </p>
          </section>

          <section className="sportello-panel" aria-labelledby="clock-reset">
            <h2 id="clock-reset" className="h4">
              {t('clock.reset.title')}
            </h2>
            {clock.data.simulated ? (
              <>
                <p>{t('clock.reset.intro')}</p>
                <Button
                  type="button"
                  color="danger"
                  outline
                  disabled={busy}
                  onClick={() => {
                    start();
                    setConfirmReset(true);
                  }}
                >
                  {t('clock.reset.action')}
                </Button>
              </>
            ) : (
              <p className="mb-0">{t('clock.reset.already')}</p>
            )}
          </section>
        </>
      ) : null}

      {confirmReset && <ResetDialog onClose={() => setConfirmReset(false)} onDone={resetDone} cancelLabel={tc('common.cancel')} />}
    </div>
  );
}

function ResetDialog({ onClose, onDone, cancelLabel }: { onClose: () => void; onDone: (clock: PlatformClock) => void; cancelLabel: string }) {
  const { t } = useTranslation('administration');
  const reset = useSetClock();
  return (
    <Dialog
      title={t('clock.reset.title')}
      onClose={onClose}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button type="button" color="danger" disabled={reset.isPending} onClick={() => reset.mutate(null, { onSuccess: onDone })}>
            {t('clock.reset.submit')}
          </Button>
        </>
      }
    >
      <ProblemAlert error={reset.error} />
      <p className="mb-0">{t('clock.reset.confirm')}</p>
    </Dialog>
  );
}
