import { forwardRef } from 'react';
import type { ImportSummary } from './api';
import { useProgramsText } from './text';

/**
 * The import's progress bar (role="progressbar" with its value): the rows handled so far of the
 * valid ones. The heading takes focus when the import starts; the numbers are read with the bar.
 */
export const ImportProgress = forwardRef<HTMLHeadingElement, { summary: ImportSummary }>(function ImportProgress({ summary }, headingRef) {
  const text = useProgramsText().import;
  const value = summary.progress;
  const progressText = text.progressText(summary.processedRows, summary.validRows);
  return (
    <section aria-labelledby="import-progress-title" className="mb-4">
      <h2 id="import-progress-title" ref={headingRef} tabIndex={-1} className="h4">
        {text.progress}
      </h2>
      <div className="progress" style={{ height: '1.25rem' }}>
        <div
          className={`progress-bar${summary.status === 'completed' ? ' bg-success' : ''}`}
          role="progressbar"
          style={{ width: `${value}%` }}
          aria-labelledby="import-progress-title"
          aria-valuenow={value}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuetext={`${value}% — ${progressText}`}
        />
      </div>
      <p className="mt-2 mb-0">
        <span className="fw-semibold">{value}%</span> · {progressText}
      </p>
    </section>
  );
});
