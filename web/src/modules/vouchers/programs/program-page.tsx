import { useFlash } from '../../../core/navigation/use-flash';
import { Badge, Icon, Table } from 'design-react-kit';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { isApiError } from '../../../core/api/api-error';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate, formatDateTime, formatEuro } from '../../../lib/format';
import { type ImportSummary, type ProgramDetail, useProgram } from './api';
import { statusColor } from './import-status';
import { PROGRAMS_PATH, importPath, newImportPath } from './paths';
import { ProgramMerchants } from './program-merchants';
import { useProgramsText } from './text';
import { EXAMPLE_ACTIVATION, voucherExpiryDate } from './voucher-expiry';

/** A program: its data, "Esercenti aderenti" (enrol, remove) and its beneficiaries' imports. */
export default function ProgramPage() {
  const { programId = '' } = useParams();
  const location = useLocation();
  const [message, setMessage] = useState<string | null>(useFlash<string>('message') ?? null);
  const text = useProgramsText();
  const program = useProgram(programId);
  usePageTitle(program.data?.program.name ?? text.list.title);

  if (program.isPending) return <PageLoading />;
  if (isApiError(program.error) && program.error.status === 404) return <NotFoundPage />;
  if (!program.data) {
    return (
      <div className="container-xxl py-4">
        <ProblemAlert error={program.error} />
      </div>
    );
  }
  const detail = program.data;
  const p = detail.program;
  const d = text.detail;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: text.list.title, to: PROGRAMS_PATH }, { label: p.name }]} />
      <h1>{p.name}</h1>
      <StatusMessage message={message} className="mb-3" />

      <section aria-labelledby="program-facts" className="sportello-panel mb-5">
        <h2 id="program-facts" className="h3">
          {d.facts}
        </h2>
        <dl className="row mb-2">
          {(
            [
              [d.faceValue, formatEuro(p.faceValueCents)],
              [d.validity, text.months(p.validityMonths)],
              [d.vouchers, p.voucherCount.toLocaleString('it-IT')],
              [d.created, formatDate(p.createdAt)],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="col-12 col-sm-6 col-lg-3 mb-2">
              <dt className="small fw-normal">{label}</dt>
              <dd className="mb-0 fw-semibold fs-5">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mb-0 small">{text.expiryRule(p.validityMonths, formatDate(voucherExpiryDate(EXAMPLE_ACTIVATION, p.validityMonths)))}</p>
      </section>

      <ProgramMerchants detail={detail} onDone={setMessage} />
      <ProgramImports detail={detail} />
    </div>
  );
}

function ProgramImports({ detail }: { detail: ProgramDetail }) {
  const text = useProgramsText();
  const d = text.detail;
  const programId = detail.program.id;
  return (
    <section aria-labelledby="program-imports">
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-2">
        <h2 id="program-imports" className="h3 mb-0">
          {d.imports}
        </h2>
        <Link to={newImportPath(programId)} className="btn btn-primary btn-icon">
          <Icon icon="it-upload" color="white" size="sm" aria-hidden="true" className="me-2" />
          {d.newImport}
        </Link>
      </div>
      <p>{d.importsIntro}</p>
      {detail.imports.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{d.noImports}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table">
          <caption className="visually-hidden">{d.importsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.importColumn.file}</th>
              <th scope="col">{d.importColumn.uploaded}</th>
              <th scope="col">{d.importColumn.status}</th>
              <th scope="col" className="text-end">
                {d.importColumn.rows}
              </th>
              <th scope="col" className="text-end">
                {d.importColumn.issued}
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.imports.map((item: ImportSummary) => (
              <tr key={item.id}>
                <th scope="row" className="fw-normal">
                  <Link to={importPath(programId, item.id)} aria-label={d.openImport(item.fileName)}>
                    {item.fileName}
                  </Link>
                </th>
                <td className="text-nowrap">{formatDateTime(item.createdAt)}</td>
                <td>
                  <Badge color={statusColor(item.status)}>{text.import.status[item.status]}</Badge>
                </td>
                <td className="text-end">{item.totalRows.toLocaleString('it-IT')}</td>
                <td className="text-end">{item.issuedRows.toLocaleString('it-IT')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
