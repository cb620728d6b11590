import { Button } from 'design-react-kit';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { formatEuro } from '../../../lib/format';
import { useProgram, useUploadImport } from './api';
import { PROGRAMS_PATH, importPath, programPath } from './paths';
import { useProgramsText } from './text';

/** "Importa beneficiari": what the file must hold, then upload → the preview page. */
export default function NewImportPage() {
  const { programId = '' } = useParams();
  const text = useProgramsText();
  const u = text.upload;
  const { t } = useTranslation();
  usePageTitle(u.title);
  const navigate = useNavigate();
  const program = useProgram(programId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState(0);
  const [missing, setMissing] = useState(false);
  const upload = useUploadImport(programId, setPercent);

  if (program.isPending) return <PageLoading />;
  if (isApiError(program.error) && program.error.status === 404) return <NotFoundPage />;
  if (!program.data) {
    return (
      <div className="container-xxl py-4">
        <ProblemAlert error={program.error} />
      </div>
    );
  }
  const p = program.data.program;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setMissing(true);
      fileInput.current?.focus();
      return;
    }
    setMissing(false);
    setPercent(0);
    upload.mutate(file, { onSuccess: (summary) => navigate(importPath(programId, summary.id)) });
  };

  const fileMessage = missing ? u.fileRequired : fieldError(upload.error, 'file');
  const columns = u.column;

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: text.list.title, to: PROGRAMS_PATH }, { label: p.name, to: programPath(p.id) }, { label: u.title }]} />
      <h1>{u.title}</h1>
      <p className="lead">{u.intro}</p>

      <section aria-labelledby="import-format" className="mb-4">
        <h2 id="import-format" className="h5">
          {u.columns}
        </h2>
        <ul>
          {[columns.fiscalCode, columns.healthCard, columns.givenName, columns.familyName, columns.mobilePhone, columns.activationDate].map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="mb-1">{u.format}</p>
        <p className="mb-0">{u.issued(formatEuro(p.faceValueCents), p.validityMonths)}</p>
      </section>

      <form noValidate onSubmit={submit} className="sportello-panel" style={{ maxWidth: '48rem' }}>
        <ProblemAlert error={upload.error} />
        <div className="mb-4">
          <label htmlFor="import-file" className="form-label fw-semibold d-block">
            {u.file}
          </label>
          <input
            ref={fileInput}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            className="form-control"
            required
            aria-invalid={fileMessage ? true : undefined}
            aria-describedby={`import-file-hint${fileMessage ? ' import-file-error' : ''}`}
            onChange={() => setMissing(false)}
          />
          <small id="import-file-hint" className="form-text d-block mt-1">
            {u.fileHint}
          </small>
          {fileMessage && (
            <div id="import-file-error" className="sportello-field-error">
              {fileMessage}
            </div>
          )}
        </div>
        <div role="status" aria-live="polite" className="mb-3">
          {upload.isPending && <p className="mb-0">{percent < 100 ? u.uploading(percent) : u.checking}</p>}
        </div>
        <div className="d-flex gap-2">
          <Button type="submit" color="primary" disabled={upload.isPending}>
            {u.submit}
          </Button>
          <Button type="button" color="primary" outline onClick={() => navigate(programPath(p.id))}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
