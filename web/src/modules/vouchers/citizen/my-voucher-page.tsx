import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { MOVEMENTS_PAGE_SIZE, useMyVoucher } from './api';
import { useCitizenVoucherMessages } from './messages';
import { MyMovementsTable } from './my-movements-table';
import { MY_VOUCHERS_PATH } from './paths';
import { VoucherSummary } from './voucher-summary';

/**
 * One of his vouchers: its data and its movements at every merchant, newest first, ten a page
 * (the page is in the URL: ?pagina=2), with the receipt of each purchase.
 */
export default function MyVoucherPage() {
  const m = useCitizenVoucherMessages();
  const { voucherId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const detail = useMyVoucher(voucherId, page);
  const voucher = detail.data?.voucher;
  usePageTitle(voucher ? `${voucher.programName} ${voucher.code}` : m.title);

  // Somebody else's voucher answers like a missing one: "Pagina non trovata".
  if (isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)) return <NotFoundPage />;

  const movements = detail.data?.movements;
  const pages = movements ? Math.max(1, Math.ceil(movements.total / MOVEMENTS_PAGE_SIZE)) : 1;
  const go = (next: number) => setParams(next > 1 ? new URLSearchParams({ pagina: String(next) }) : new URLSearchParams());

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: m.title, to: MY_VOUCHERS_PATH }, { label: voucher?.code ?? '…' }]} />
      <ProblemAlert error={detail.error} />
      {detail.isPending ? (
        <PageLoading />
      ) : voucher && movements ? (
        <>
          <h1>{voucher.programName}</h1>
          <section aria-label={voucher.code} className="sportello-panel mt-3">
            <VoucherSummary voucher={voucher} />
          </section>

          <section aria-labelledby="my-voucher-movements" className="mt-5">
            <h2 id="my-voucher-movements" className="h4">
              {m.movements}
            </h2>
            {movements.total === 0 ? (
              <div className="sportello-empty" role="status">
                <p className="mb-0">{m.noMovements}</p>
              </div>
            ) : (
              <>
                <MyMovementsTable voucherId={voucher.id} voucherCode={voucher.code} movements={movements.items} busy={detail.isPlaceholderData} />
                {/* The page shown is the one loaded: while the next loads, the summary still tells the current one. */}
                <Pagination
                  page={Math.min(movements.page, pages)}
                  pages={pages}
                  onPage={go}
                  label={m.pagination}
                  summary={`${m.page(Math.min(movements.page, pages), pages)} · ${m.total(movements.total)}`}
                  previousLabel={m.previous}
                  nextLabel={m.next}
                  pageLabel={m.goToPage}
                />
              </>
            )}
          </section>
          <p className="mt-4">
            <Link to={MY_VOUCHERS_PATH}>{m.back}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
