import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDate, formatEuro } from '../../../lib/format';
import type { MerchantVoucher, VoucherState } from './api';

const BADGE: Record<VoucherState, string> = { attivo: 'success', non_attivo: 'secondary', scaduto: 'danger', esaurito: 'warning' };

/** The "ID Voucher" section (seed 000 §05): amounts, tessera sanitaria data, activation and expiry. */
export function VoucherSummary({ voucher }: { voucher: MerchantVoucher }) {
  const { t } = useTranslation('vouchers-merchant');
  const rows: [string, string][] = [
    [t('voucher.beneficiary'), `${voucher.givenName} ${voucher.familyName}`],
    [t('voucher.fiscalCode'), voucher.fiscalCode],
    [t('voucher.healthCard'), voucher.healthCardNumber],
    [t('voucher.initial'), formatEuro(voucher.initialCents)],
    [t('voucher.used'), formatEuro(voucher.usedCents)],
    [t('voucher.activation'), formatDate(voucher.activationDate)],
    [t('voucher.expiry'), formatDate(voucher.expiryDate)],
  ];
  return (
    <section aria-labelledby="voucher-title" className="sportello-panel mb-4">
      <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
        <h2 id="voucher-title" className="h3 mb-0">
          {t('voucher.section', { code: voucher.code })}
        </h2>
        <Badge color={BADGE[voucher.state]} pill>
          <span className="visually-hidden">{t('voucher.state')}: </span>
          {t(`voucher.states.${voucher.state}`)}
        </Badge>
      </div>
      <p className="mb-3">
        <span className="d-block small">{t('voucher.available')}</span>
        <strong className="fs-2">{formatEuro(voucher.availableCents)}</strong>
      </p>
      <dl className="row mb-0">
        {rows.map(([label, value]) => (
          <div key={label} className="col-12 col-md-6 col-xl-4 mb-2">
            <dt className="small fw-normal">{label}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
