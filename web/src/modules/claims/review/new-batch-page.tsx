import { Alert, Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { usePageTitle } from '../../../core/layout/page-title';
import { useSignedInSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { Dialog } from '../../../core/ui/dialog';
import { PageLoading } from '../../../core/ui/page-loading';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { formatDate, formatEuro } from '../../../lib/format';
import { type ClaimDetail, useBatches, useClaims, useCreateBatch } from './api';
import type { BatchesPageState } from './batches-page';
import { addDays, executionDateProblem, MAX_EXECUTION_DAYS, romeToday } from './days';
import { isValidItalianIban, normaliseIban } from './iban';
import { batchesPath, CLAIMS_REVIEW_PATH, parseClaimIds } from './paths';

type Field = 'debtorName' | 'debtorIban' | 'executionDate';

/**
 * "Inoltra per decreto di pagamento": the approved claims chosen in the queue (?ids=…) with their
 * amounts and total, the debtor (prefilled from the last batch) and the execution date; after a
 * confirmation the server forwards them and writes the SEPA file (pain.001).
 */
export default function NewBatchPage() {
  const { t } = useTranslation('claims-review');
  usePageTitle(t('newBatch.title'));
  const [params] = useSearchParams();
  const ids = parseClaimIds(params.get('ids'));
  const claims = useClaims(ids);
  const batches = useBatches(1, 20);
  const loading = claims.some((q) => q.isPending) || batches.isPending;

  const found = claims.flatMap((q) => (q.data ? [q.data] : []));
  const missing = claims.filter((q) => isApiError(q.error) && q.error.status === 404).length;
  const otherError = claims.find((q) => q.error && !(isApiError(q.error) && q.error.status === 404))?.error ?? batches.error;
  const approved = found.filter((c) => c.status === 'approvata');
  const notApproved = found.filter((c) => c.status !== 'approvata');

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service'), to: CLAIMS_REVIEW_PATH }, { label: t('batches.title'), to: batchesPath }, { label: t('newBatch.title') }]} />
      <h1>{t('newBatch.title')}</h1>
      <p className="lead">{t('newBatch.intro')}</p>

      {loading ? (
        <PageLoading />
      ) : (
        <>
          <ProblemAlert error={otherError} />
          {notApproved.length > 0 && (
            <Alert color="warning">{t('newBatch.notApproved', { numbers: notApproved.map((c) => `N. ${c.number}`).join(', ') })}</Alert>
          )}
          {missing > 0 && <Alert color="warning">{t('newBatch.unavailable', { count: missing })}</Alert>}
          {approved.length === 0 ? (
            <>
              <div className="sportello-empty mb-3">
                <p className="mb-0">{t('newBatch.noClaims')}</p>
              </div>
              <Link to={`${CLAIMS_REVIEW_PATH}?stato=approvata`}>{t('newBatch.cancel')}</Link>
            </>
          ) : (
            <BatchForm claims={approved} lastDebtor={batches.data?.lastDebtor ?? null} />
          )}
        </>
      )}
    </div>
  );
}

function BatchForm({ claims, lastDebtor }: { claims: ClaimDetail[]; lastDebtor: { name: string; iban: string } | null }) {
  const { t } = useTranslation('claims-review');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedInSession();
  const today = romeToday(session.clock.now);
  const create = useCreateBatch();
  const [debtorName, setDebtorName] = useState(lastDebtor?.name ?? '');
  const [debtorIban, setDebtorIban] = useState(lastDebtor?.iban ?? '');
  const [executionDate, setExecutionDate] = useState(addDays(today, 1));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState(false);
  const total = claims.reduce((sum, c) => sum + c.amountCents, 0);
  const todayLabel = formatDate(today);
  const latest = addDays(today, MAX_EXECUTION_DAYS);

  const clear = (field: Field) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (debtorName.trim() === '') found.debtorName = t('newBatch.debtorNameRequired');
    if (normaliseIban(debtorIban) === '') found.debtorIban = t('newBatch.debtorIbanRequired');
    else if (!isValidItalianIban(debtorIban)) found.debtorIban = t('newBatch.debtorIbanInvalid');
    const dateProblem = executionDateProblem(executionDate, today);
    if (dateProblem === 'required') found.executionDate = t('newBatch.executionDateRequired');
    else if (dateProblem === 'invalid') found.executionDate = t('newBatch.executionDateInvalid');
    else if (dateProblem === 'past') found.executionDate = t('newBatch.executionDatePast', { today: todayLabel });
    else if (dateProblem === 'tooFar') found.executionDate = t('newBatch.executionDateTooFar', { latest: formatDate(latest) });
    setErrors(found);
    const first = (['debtorName', 'debtorIban', 'executionDate'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`batch-${first}`)?.focus();
      return;
    }
    create.reset();
    setConfirming(true);
  };

  const confirm = () =>
    create.mutate(
      { claimIds: claims.map((c) => c.id), debtorName: debtorName.trim(), debtorIban: normaliseIban(debtorIban), executionDate },
      {
        onSuccess: (created) => navigate(batchesPath, { state: { created } satisfies BatchesPageState }),
        onError: () => {
          setConfirming(false);
          // The problem is shown above the form: start reading from there.
          window.setTimeout(() => document.getElementById('batch-problem')?.focus(), 0);
        },
      },
    );

  const serverError = (field: string) => fieldError(create.error, field);

  return (
    <>
      <section aria-labelledby="batch-claims" className="mb-4">
        <h2 id="batch-claims" className="h3">
          {t('newBatch.claims')}
        </h2>
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('newBatch.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.column.number')}</th>
              <th scope="col">{t('queue.column.merchant')}</th>
              <th scope="col">{t('queue.column.period')}</th>
              <th scope="col">{t('detail.iban')}</th>
              <th scope="col" className="text-end">
                {t('queue.column.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.id}>
                <th scope="row" className="fw-normal">
                  {claim.number}
                </th>
                <td>{claim.merchantName}</td>
                <td>{claim.period.label}</td>
                <td className="font-monospace text-nowrap">{claim.iban}</td>
                <td className="text-end text-nowrap">{formatEuro(claim.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('newBatch.total')} ({t('queue.total', { count: claims.length })})
              </th>
              <td className="text-end text-nowrap fw-bold">{formatEuro(total)}</td>
            </tr>
          </tfoot>
        </Table>
      </section>

      <form noValidate onSubmit={submit} className="sportello-panel" style={{ maxWidth: '48rem' }} aria-labelledby="batch-debtor">
        <h2 id="batch-debtor" className="h3">
          {t('newBatch.debtor')}
        </h2>
        <p>{t('newBatch.debtorIntro')}</p>
        {lastDebtor && <p className="small">{t('newBatch.prefilled')}</p>}
        <div id="batch-problem" tabIndex={-1}>
          <ProblemAlert error={create.error} />
        </div>
        <TextField
          id="batch-debtorName"
          label={t('newBatch.debtorName')}
          value={debtorName}
          onChange={(value) => {
            setDebtorName(value);
            clear('debtorName');
          }}
          maxLength={70}
          required
          autoComplete="organization"
          error={errors.debtorName ?? serverError('debtorName')}
        />
        <TextField
          id="batch-debtorIban"
          label={t('newBatch.debtorIban')}
          value={debtorIban}
          onChange={(value) => {
            setDebtorIban(value.toUpperCase());
            clear('debtorIban');
          }}
          required
          autoComplete="off"
          spellCheck={false}
          className="mb-4 sportello-monospace-input"
          hint={t('newBatch.debtorIbanHint')}
          error={errors.debtorIban ?? serverError('debtorIban')}
        />
        <TextField
          id="batch-executionDate"
          type="date"
          label={t('newBatch.executionDate')}
          value={executionDate}
          onChange={(value) => {
            setExecutionDate(value);
            clear('executionDate');
          }}
          min={today}
          max={latest}
          required
          hint={t('newBatch.executionDateHint', { today: todayLabel })}
          error={errors.executionDate ?? serverError('executionDate')}
        />
        {serverError('claimIds') && <div className="sportello-field-error mb-3">{serverError('claimIds')}</div>}
        <div className="d-flex flex-wrap gap-2">
          <Button type="submit" color="primary" disabled={create.isPending}>
            {t('newBatch.submit')}
          </Button>
          <Link to={`${CLAIMS_REVIEW_PATH}?stato=approvata`} className="btn btn-outline-primary">
            {t('newBatch.cancel')}
          </Link>
        </div>
      </form>

      {confirming && (
        <Dialog
          title={t('newBatch.confirmTitle')}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button type="button" color="primary" outline onClick={() => setConfirming(false)}>
                {common('common.cancel')}
              </Button>
              <Button type="button" color="primary" disabled={create.isPending} onClick={confirm}>
                {t('newBatch.confirm')}
              </Button>
            </>
          }
        >
          <p className="mb-0">
            {t('newBatch.confirmText', { count: claims.length, amount: formatEuro(total), debtor: debtorName.trim(), date: formatDate(executionDate) })}
          </p>
        </Dialog>
      )}
    </>
  );
}
