import { useTranslation } from 'react-i18next';

export interface SummaryEntry {
  /** The id of the field the message is about. */
  fieldId: string;
  message: string;
}

/**
 * What stopped the request, all at once, each entry a link to its field (the same messages are on
 * the fields). An alert: it is announced when it appears, while the focus goes to the first field.
 */
export function ErrorSummary({ entries }: { entries: SummaryEntry[] }) {
  const { t } = useTranslation('helpdesk-citizen');
  if (entries.length === 0) return null;
  return (
    <div className="alert alert-danger mb-4" role="alert" aria-labelledby="helpdesk-error-summary-title">
      <h2 id="helpdesk-error-summary-title" className="h5">
        {t('problems.summary', { count: entries.length })}
      </h2>
      <ul className="mb-0">
        {entries.map((entry) => (
          <li key={entry.fieldId}>
            <a
              href={`#${entry.fieldId}`}
              onClick={(event) => {
                // The router owns the URL: move the focus without touching it.
                event.preventDefault();
                document.getElementById(entry.fieldId)?.focus();
              }}
            >
              {entry.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
