import { Alert, Badge, Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDateTime, formatEuro } from '../../../lib/format';
import { type ImportSummary, useConfirmImport, useDiscardImport, useImport, useProgram } from './api';
import { ImportProgress } from './import-progress';
import { statusColor } from './import-status';
import { PROGRAMS_PATH, programPath } from './paths';
import { RejectedRows } from './rejected-rows';
import { useProgramsText } from './text';

/**
 * One import of beneficiaries: the preview (counts, rejected rows with reasons) with "Conferma
 * importazione", then the progress bar while the vouchers are issued (the page polls), then the
 * result; the report of the rejected rows at every step.
 */
export default function ImportPage() {
  const { programId = '', importId = '' } = useParams();
  const text = useProgramsText();
  const i = text.import;
  usePageTitle(i.title);
  const program = useProgram(programId);
  const summary = useImport(programId, importId);
  const confirm = useConfirmImport(programId, importId);
  const discard = useDiscardImport(programId, importId);
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const status = summary.data?.status;
  const issued = summary.data?.issuedRows ?? 0;
  // Set when this page confirmed, or found the import running: its end is then announced.
  const watching = useRef(false);
  if (status === 'importing') watching.current = true;

  useEffect(() => {
    if (!watching.current) return;
    if (status === 'completed') {
      watching.current = false;
      setMessage(i.completed(issued));
    } else if (status === 'failed') {
      watching.current = false;
      setMessage(null);
    }
  }, [status, issued, i]);

  if (summary.isPending || program.isPending) return <PageLoading />;
  if ((isApiError(summary.error) && summary.error.status === 404) || (isApiError(program.error) && program.error.status === 404)) return <NotFoundPage />;
  if (!summary.data || !program.data) {
    return (
      <div className="container-xxl py-4">
        <ProblemAlert error={summary.error ?? program.error} />
      </div>
    );
  }
  const data = summary.data;
  const p = program.data.program;

  const start = () => {
    watching.current = true;
    setMessage(i.started);
    confirm.mutate(undefined, {
      onSuccess: () => {
        // The button is gone: focus goes to the progress that replaces it.
        window.setTimeout(() => progressHeading.current?.focus(), 0);
      },
      onError: () => {
        watching.current = false;
        setMessage(null);
      },
    });
  };
  const drop = () => discard.mutate(undefined, { onSuccess: () => setMessage(i.discarded) });

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: text.list.title, to: PROGRAMS_PATH }, { label: p.name, to: programPath(p.id) }, { label: i.title }]} />
      <h1>{i.title}</h1>
      <dl className="row mb-3">
        <div className="col-12 col-md-6 mb-2">
          <dt className="small fw-normal">{i.file}</dt>
          <dd className="mb-0 fw-semibold text-break">{data.fileName}</dd>
        </div>
        <div className="col-6 col-md-3 mb-2">
          <dt className="small fw-normal">{i.uploaded}</dt>
          <dd className="mb-0 fw-semibold">{formatDateTime(data.createdAt)}</dd>
        </div>
        <div className="col-6 col-md-3 mb-2">
          <dt className="small fw-normal">{text.detail.importColumn.status}</dt>
          <dd className="mb-0">
            <Badge color={statusColor(data.status)}>{i.status[data.status]}</Badge>
          </dd>
        </div>
      </dl>
      <StatusMessage message={message} className="mb-3" />

      <Counts summary={data} />

      {data.status === 'preview' && (
        <div className="mb-5">
          {data.validRows > 0 ? <p>{i.previewIntro(data.validRows, formatEuro(p.faceValueCents))}</p> : <Alert color="warning">{i.nothingValid}</Alert>}
          <ProblemAlert error={confirm.error ?? discard.error} />
          <div className="d-flex flex-wrap gap-2">
            {data.validRows > 0 && (
              <Button type="button" color="primary" onClick={start} disabled={confirm.isPending || discard.isPending}>
                {i.confirm}
              </Button>
            )}
            <Button type="button" color="primary" outline onClick={drop} disabled={confirm.isPending || discard.isPending}>
              {i.discard}
            </Button>
          </div>
        </div>
      )}

      {(data.status === 'importing' || data.status === 'completed') && <ImportProgress ref={progressHeading} summary={data} />}
      {data.status === 'completed' && data.skippedRows > 0 && <p>{i.skippedNote(data.skippedRows)}</p>}
      {data.status === 'failed' && <Alert color="danger">{i.failed}</Alert>}

      {data.status !== 'discarded' && <RejectedRows summary={data} />}

      <p className="mt-4">
        <Link to={programPath(p.id)}>{i.backToProgram}</Link>
      </p>
    </div>
  );
}

function Counts({ summary }: { summary: ImportSummary }) {
  const i = useProgramsText().import;
  const done = summary.status === 'completed';
  const counts: [string, number][] = [
    [i.totalRows, summary.totalRows],
    [i.validRows, summary.validRows],
    [i.rejectedRows, summary.rejectedRows],
    ...(done ? ([[i.issuedRows, summary.issuedRows]] as [string, number][]) : []),
    ...(done && summary.skippedRows > 0 ? ([[i.skippedRows, summary.skippedRows]] as [string, number][]) : []),
  ];
  return (
    <section aria-labelledby="import-summary" className="sportello-panel mb-4">
      <h2 id="import-summary" className="h4">
        {i.summary}
      </h2>
      <dl className="row mb-0">
        {counts.map(([label, value]) => (
          <div key={label} className="col-6 col-md mb-2">
            <dt className="small fw-normal">{label}</dt>
            <dd className="mb-0 fw-semibold fs-4">{value.toLocaleString('it-IT')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
