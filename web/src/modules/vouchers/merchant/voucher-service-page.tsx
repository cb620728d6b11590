import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { BeneficiarySearch } from './beneficiary-search';
import { MovementsSection } from './movements-section';

/** "Voucher secondogeniti" for a merchant: Ricerca Beneficiario and Elenco Movimenti (seed 000 §04, §08). */
export default function VoucherServicePage() {
  const { t } = useTranslation('vouchers-merchant');
  usePageTitle(t('service'));
  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('service') }]} />
      <h1>{t('service')}</h1>
      <p className="lead mb-4">{t('intro')}</p>
      <BeneficiarySearch />
      <MovementsSection />
    </div>
  );
}
