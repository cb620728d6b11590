import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatEuro } from '../../../lib/format';
import { PRE_LINE } from './pre-line';
import { type ClaimDetail, pain001Url } from './api';
import { batchesPath } from './paths';
import { ClaimStatusBadge } from './status-badge';

/** "Dati dell'istanza": what the merchant filed and where the claim stands. */
export function ClaimFacts({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation('claims-review');
  const none = t('detail.none');
  const facts: [string, ReactNode][] = [
    [t('detail.merchant'), claim.merchantName],
    [t('detail.period'), claim.period.label],
    [t('detail.amount'), formatEuro(claim.amountCents)],
    [t('detail.transactions'), claim.purchaseCount.toLocaleString('it-IT')],
    [t('detail.from'), claim.transactionsFrom ? formatDate(claim.transactionsFrom) : none],
    [t('detail.to'), claim.transactionsTo ? formatDate(claim.transactionsTo) : none],
    [t('detail.requested'), formatDate(claim.requestedAt)],
    [t('detail.status'), <ClaimStatusBadge status={claim.status} label={claim.statusLabel} />],
    [t('detail.iban'), <span className="font-monospace text-break">{claim.iban}</span>],
    [t('detail.email'), <span className="text-break">{claim.email}</span>],
  ];
  if (claim.rejectionReason) facts.push([t('detail.rejectionReason'), <span style={PRE_LINE}>{claim.rejectionReason}</span>]);
  if (claim.paymentBatch) {
    facts.push([
      t('detail.paymentBatch'),
      <>
        <Link to={batchesPath}>{t('detail.paymentBatchValue', { messageId: claim.paymentBatch.messageId })}</Link>
        <a className="d-block small fw-normal mt-1" href={pain001Url(claim.paymentBatch.id)} download>
          {t('detail.downloadSepa')}
        </a>
      </>,
    ]);
  }
  return (
    <section aria-labelledby="claim-facts" className="sportello-panel mb-4">
      <h2 id="claim-facts" className="h3">
        {t('detail.facts')}
      </h2>
      <dl className="row mb-0">
        {facts.map(([label, value]) => (
          <div key={label} className="col-12 col-sm-6 col-lg-4 mb-3">
            <dt className="small fw-normal">{label}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
