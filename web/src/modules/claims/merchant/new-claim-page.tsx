import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert, useProblemMessage } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { formatDate, formatEuro } from '../../../lib/format';
import { type ClaimDraft, claimKeys, type DraftView, fileClaim, useDraft, useDraftTransactions } from './api';
import type { ClaimsPageState } from './claims-page';
import { normaliseIban } from './contact-fields';
import { ContactFormFields } from './contact-form-fields';
import { CLAIMS_MERCHANT_PATH, claimPath } from './paths';
import { PeriodsLegend } from './periods-legend';
import { ReadOnlyFacts } from './read-only-facts';
import { TRANSACTIONS_PAGE_SIZE, TransactionsSection } from './transactions-section';
import { useContactForm } from './use-contact-form';

const REGION_ID = 'claim-region';

/**
 * "Inserisci una nuova istanza" (seed 000 §09): the section "Inserimento rimborso" shows read-only what the
 * claim would hold (first and last day of the transactions, amount, number); IBAN and Email are
 * mandatory; "Conferma e salva" files it. Below, "Elenco transazioni" of the claim to be.
 * When several regions paid the purchases, one claim per region: the user picks the region.
 */
export default function NewClaimPage() {
  const { t } = useTranslation('claims-merchant');
  usePageTitle(t('list.add'));
  const draft = useDraft();
  const problem = useProblemMessage();
  const crumbs = [{ label: t('service'), to: CLAIMS_MERCHANT_PATH }, { label: t('list.add') }];

  if (draft.isPending) return <PageLoading />;
  // 409: the window is closed or the quadrimestre already has its claim: the server says which.
  const refused = isApiError(draft.error) && draft.error.status === 409;
  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <h1>{t('list.add')}</h1>
      {refused ? (
        <>
          <Alert color="warning">{problem(draft.error)}</Alert>
          <div className="d-flex flex-wrap align-items-center gap-3">
            <Link to={CLAIMS_MERCHANT_PATH}>{t('create.back')}</Link>
            <PeriodsLegend />
          </div>
        </>
      ) : !draft.data ? (
        <ProblemAlert error={draft.error} />
      ) : draft.data.drafts.length === 0 ? (
        <>
          <div className="sportello-empty mb-3">
            <p className="mb-1">{t('create.empty')}</p>
            <p className="mb-0 small">{t('create.emptyHint')}</p>
          </div>
          <Link to={CLAIMS_MERCHANT_PATH}>{t('create.back')}</Link>
        </>
      ) : (
        <NewClaimForm view={draft.data} />
      )}
    </div>
  );
}

function NewClaimForm({ view }: { view: DraftView }) {
  const { t } = useTranslation('claims-merchant');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [regionId, setRegionId] = useState(view.drafts[0]!.regionStructureId);
  const [regionMissing, setRegionMissing] = useState(false);
  const form = useContactForm({ iban: view.iban ?? '', email: view.email ?? '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState(1);
  const chosen: ClaimDraft | undefined = view.drafts.find((d) => d.regionStructureId === regionId);
  const transactions = useDraftTransactions(chosen?.regionStructureId ?? null, page, TRANSACTIONS_PAGE_SIZE);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!chosen) {
      setRegionMissing(true);
      document.getElementById(REGION_ID)?.focus();
      return;
    }
    if (!form.checkFilled(true)) return;
    setBusy(true);
    try {
      const created = await fileClaim({ regionStructureId: chosen.regionStructureId, iban: normaliseIban(form.values.iban), email: form.values.email.trim() });
      await queryClient.invalidateQueries({ queryKey: claimKeys.all });
      const state: ClaimsPageState = { message: t('create.done', { number: created.number }) };
      navigate(claimPath(created.id), { state });
    } catch (failure) {
      setError(failure);
      form.showServerErrors(failure);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrorShown = Boolean(form.errors.iban || form.errors.email);
  return (
    <>
      <div className="row">
        <div className="col-12 col-lg-9 col-xl-8">
          <section aria-labelledby="new-claim-title" className="sportello-panel">
            <h2 id="new-claim-title" className="h3">
              {t('create.title')}
            </h2>
            <p>{t('create.intro')}</p>
            <form onSubmit={(event) => void submit(event)} noValidate>
              {view.drafts.length > 1 && (
                <>
                  <p id="claim-region-hint" className="small mb-4">
                    {t('create.regionHint')}
                  </p>
                  <SelectField
                    id={REGION_ID}
                    label={t('create.region')}
                    emptyLabel={t('create.chooseRegion')}
                    options={view.drafts.map((d) => ({ value: d.regionStructureId, label: d.regionName }))}
                    value={regionId}
                    onChange={(value) => {
                      setRegionId(value);
                      setRegionMissing(false);
                      setPage(1);
                    }}
                    error={regionMissing ? t('create.chooseRegion') : undefined}
                    className="mb-4"
                  />
                </>
              )}
              {chosen && (
                <ReadOnlyFacts
                  facts={[
                    [t('create.from'), formatDate(chosen.transactionsFrom)],
                    [t('create.to'), formatDate(chosen.transactionsTo)],
                    [t('create.amount'), formatEuro(chosen.amountCents)],
                    [t('create.count'), String(chosen.purchaseCount)],
                  ]}
                />
              )}
              <p className="small">{t('contact.required')}</p>
              <ContactFormFields values={form.values} onChange={form.change} errors={form.errors} />
              {/* A refusal tied to no field (already filed, window closed, nothing to claim) is shown here. */}
              {!fieldErrorShown && <ProblemAlert error={error} className="mb-3" />}
              <div className="d-flex flex-wrap gap-3">
                <Button type="submit" color="primary" disabled={busy} aria-busy={busy || undefined}>
                  {t('create.submit')}
                </Button>
                <Link to={CLAIMS_MERCHANT_PATH} className="btn btn-outline-primary">
                  {t('create.back')}
                </Link>
              </div>
            </form>
          </section>
        </div>
      </div>
      {chosen && <TransactionsSection caption={t('transactions.captionDraft')} query={transactions} page={page} onPage={setPage} />}
    </>
  );
}
