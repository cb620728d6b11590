import { Icon, Table } from 'design-react-kit';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatDate, formatEuro } from '../../../lib/format';
import { usePrograms } from './api';
import { newProgramPath, programPath } from './paths';
import { useProgramsText } from './text';

const PAGE_SIZE = 20;

/** "Gestione programmi voucher": the region's programs, newest first; the page lives in the URL. */
export default function ProgramsPage() {
  const text = useProgramsText();
  const l = text.list;
  usePageTitle(l.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('pagina') ?? '1', 10) || 1);
  const programs = usePrograms(page, PAGE_SIZE);
  const data = programs.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: l.title }]} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-3">
        <h1 className="mb-0">{l.title}</h1>
        <Link to={newProgramPath} className="btn btn-primary btn-icon">
          <Icon icon="it-plus" color="white" size="sm" aria-hidden="true" className="me-2" />
          {l.add}
        </Link>
      </div>
      <p className="lead">{l.intro}</p>

      <ProblemAlert error={programs.error} />
      {programs.isPending ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{l.empty}</p>
        </div>
      ) : data ? (
        <>
          <Table responsive hover className="sportello-table mb-0" aria-busy={programs.isFetching || undefined}>
            <caption className="visually-hidden">{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.column.name}</th>
                <th scope="col" className="text-end">
                  {l.column.faceValue}
                </th>
                <th scope="col">{l.column.validity}</th>
                <th scope="col" className="text-end">
                  {l.column.merchants}
                </th>
                <th scope="col" className="text-end">
                  {l.column.vouchers}
                </th>
                <th scope="col">{l.column.created}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((program) => (
                <tr key={program.id}>
                  <th scope="row" className="fw-normal">
                    <Link to={programPath(program.id)}>{program.name}</Link>
                  </th>
                  <td className="text-end text-nowrap">{formatEuro(program.faceValueCents)}</td>
                  <td className="text-nowrap">{text.months(program.validityMonths)}</td>
                  <td className="text-end">{program.merchantCount}</td>
                  <td className="text-end">{program.voucherCount.toLocaleString('it-IT')}</td>
                  <td className="text-nowrap">{formatDate(program.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={(p) => setParams(p > 1 ? { pagina: String(p) } : {})}
            label={l.pagination}
            summary={`${l.page(Math.min(page, pages), pages)} · ${l.total(data.total)}`}
            previousLabel={l.previous}
            nextLabel={l.next}
            pageLabel={l.goToPage}
          />
        </>
      ) : null}
    </div>
  );
}
