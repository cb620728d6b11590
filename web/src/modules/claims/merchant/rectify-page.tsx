import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { type ClaimDetail, claimKeys, rectifyClaim, useClaim } from './api';
import type { ClaimsPageState } from './claims-page';
import { groupIban, normaliseIban } from './contact-fields';
import { ContactFormFields } from './contact-form-fields';
import { CLAIMS_MERCHANT_PATH, claimPath } from './paths';
import { useContactForm } from './use-contact-form';

/**
 * "Rettifica" (seed 000 §09): IBAN and Email. Both may change while the claim is "Da valutare" and
 * was never evaluated; otherwise only the e-mail — the IBAN is shown, disabled, with the reason.
 */
export default function RectifyPage() {
  const { t } = useTranslation('claims-merchant');
  usePageTitle(t('rectify.title'));
  const { claimId = '' } = useParams();
  const claim = useClaim(claimId);
  const detailLabel = claim.data ? t('detail.title', { number: claim.data.number }) : t('detail.notFound');
  const crumbs = [{ label: t('service'), to: CLAIMS_MERCHANT_PATH }, { label: detailLabel, to: claimPath(claimId) }, { label: t('rectify.title') }];

  if (claim.isPending) return <PageLoading />;
  const data = claim.data;
  const editable = data && (data.actions.rectifyIban || data.actions.rectifyEmail);
  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <h1>{t('rectify.title')}</h1>
      {data && <p className="lead">{t('rectify.intro', { number: data.number, period: data.period.label })}</p>}
      <ProblemAlert error={claim.error} />
      {data && !editable && <Alert color="warning">{t('rectify.unavailable')}</Alert>}
      {data && editable ? (
        <RectifyForm claim={data} />
      ) : (
        <Link to={claimPath(claimId)}>{t('rectify.back')}</Link>
      )}
    </div>
  );
}

function RectifyForm({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation('claims-merchant');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ibanEditable = claim.actions.rectifyIban;
  const form = useContactForm({ iban: groupIban(claim.iban), email: claim.email });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!form.checkFilled(ibanEditable)) return;
    setBusy(true);
    try {
      // Only what may change: the server refuses an IBAN it no longer accepts to correct.
      const changes = { email: form.values.email.trim(), ...(ibanEditable ? { iban: normaliseIban(form.values.iban) } : {}) };
      const detail = await rectifyClaim(claim.id, changes);
      queryClient.setQueryData(claimKeys.detail(claim.id), detail);
      void queryClient.invalidateQueries({ queryKey: claimKeys.all });
      const state: ClaimsPageState = { message: t('rectify.done', { number: claim.number }) };
      navigate(claimPath(claim.id), { state });
    } catch (failure) {
      setError(failure);
      form.showServerErrors(failure);
    } finally {
      setBusy(false);
    }
  };

  const fieldErrorShown = Boolean(form.errors.iban || form.errors.email);
  return (
    <div className="row">
      <div className="col-12 col-lg-8 col-xl-7">
        <form onSubmit={(event) => void submit(event)} noValidate className="sportello-panel">
          {!ibanEditable && <p>{t('rectify.onlyEmail')}</p>}
          <ContactFormFields values={form.values} onChange={form.change} errors={form.errors} ibanEditable={ibanEditable} />
          {!fieldErrorShown && <ProblemAlert error={error} className="mb-3" />}
          <div className="d-flex flex-wrap gap-3">
            <Button type="submit" color="primary" disabled={busy} aria-busy={busy || undefined}>
              {t('rectify.submit')}
            </Button>
            <Link to={claimPath(claim.id)} className="btn btn-outline-primary">
              {t('rectify.back')}
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
