import { Icon, Table } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { type ImportSummary, rejectedReportUrl, useRejectedRows } from './api';
import { useProgramsText } from './text';

const PAGE_SIZE = 20;

/** "Righe scartate": each rejected row with its line in the file and the reasons, and the CSV report. */
export function RejectedRows({ summary }: { summary: ImportSummary }) {
  const all = useProgramsText();
  const text = all.import;
  const list = all.list;
  const [page, setPage] = useState(1);
  // Rows found already in the program while importing join the rejected ones: reread at the end.
  const rows = useRejectedRows(summary.programId, summary.id, page, PAGE_SIZE, summary.status !== 'importing');
  const { refetch } = rows;
  useEffect(() => {
    if (summary.status === 'completed') void refetch();
  }, [summary.status, refetch]);

  const data = rows.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby="import-rejected">
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-2">
        <h2 id="import-rejected" className="h3 mb-0">
          {text.rejected}
        </h2>
        {data && data.total > 0 && (
          <a href={rejectedReportUrl(summary.programId, summary.id)} download className="btn btn-outline-primary btn-icon">
            <Icon icon="it-download" color="primary" size="sm" aria-hidden="true" className="me-2" />
            {text.report}
          </a>
        )}
      </div>
      <ProblemAlert error={rows.error} />
      {summary.status === 'importing' ? null : rows.isPending ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{text.noRejected}</p>
        </div>
      ) : data ? (
        <>
          <Table responsive className="sportello-table mb-0" aria-busy={rows.isFetching || undefined}>
            <caption className="visually-hidden">{text.rejectedCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="text-end">
                  {text.column.line}
                </th>
                <th scope="col">{text.column.fiscalCode}</th>
                <th scope="col">{text.column.healthCard}</th>
                <th scope="col">{text.column.name}</th>
                <th scope="col">{text.column.mobile}</th>
                <th scope="col">{text.column.activation}</th>
                <th scope="col">{text.column.reason}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.line}>
                  <th scope="row" className="text-end fw-normal">
                    {row.line}
                  </th>
                  <td className={`font-monospace ${wrap(row.fiscalCode)}`}>{row.fiscalCode || '—'}</td>
                  <td className={`font-monospace ${wrap(row.healthCardNumber)}`}>{row.healthCardNumber || '—'}</td>
                  <td>{`${row.givenName} ${row.familyName}`.trim() || '—'}</td>
                  <td className="text-nowrap">{row.mobilePhone || '—'}</td>
                  <td className="text-nowrap">{row.activationDate || '—'}</td>
                  <td>
                    {row.reasons.length === 1 ? (
                      row.reasons[0]
                    ) : (
                      <ul className="mb-0 ps-3">
                        {row.reasons.map((reason) => (
                          <li key={reason}>{reason}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={setPage}
            label={text.pagination}
            summary={`${list.page(Math.min(page, pages), pages)} · ${text.total(data.total)}`}
            previousLabel={list.previous}
            nextLabel={list.next}
            pageLabel={list.goToPage}
          />
        </>
      ) : null}
    </section>
  );
}

/** Codes as long as a valid one stay on one line; anything longer may wrap anywhere. */
function wrap(value: string): string {
  return value.length <= 20 ? 'text-nowrap' : 'text-break';
}
