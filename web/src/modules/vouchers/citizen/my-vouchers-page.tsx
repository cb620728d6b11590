import { Icon } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { useMyVouchers } from './api';
import { useCitizenVoucherMessages } from './messages';
import { myVoucherPath } from './paths';
import { VoucherSummary } from './voucher-summary';

/**
 * "I miei voucher": the vouchers in the signed-in person's name (matched by his codice fiscale),
 * each with its balance and dates, and a way to its movements. Without any: an empty state.
 */
export default function MyVouchersPage() {
  const m = useCitizenVoucherMessages();
  usePageTitle(m.title);
  const vouchers = useMyVouchers();

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: m.title }]} />
      <h1>{m.title}</h1>
      <p className="lead">{m.intro}</p>
      <ProblemAlert error={vouchers.error} />
      {vouchers.isPending ? (
        <PageLoading />
      ) : vouchers.data && vouchers.data.items.length === 0 ? (
        <div className="sportello-empty mt-4" role="status">
          <p className="mb-2">{m.empty}</p>
          <p className="mb-0 fs-6">{m.emptyHint}</p>
        </div>
      ) : (
        vouchers.data?.items.map((voucher) => (
          <section key={voucher.id} aria-labelledby={`voucher-${voucher.id}`} className="sportello-panel mt-4">
            <h2 id={`voucher-${voucher.id}`} className="h4 mb-3">
              {voucher.programName}
            </h2>
            <VoucherSummary voucher={voucher} />
            <Link to={myVoucherPath(voucher.id)} className="d-inline-flex align-items-center gap-1 mt-2">
              {m.showMovements(voucher.code)}
              <Icon icon="it-arrow-right" size="sm" color="primary" aria-hidden="true" />
            </Link>
          </section>
        ))
      )}
    </div>
  );
}
