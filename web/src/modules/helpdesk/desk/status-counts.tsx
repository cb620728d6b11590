import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type RequestStatus } from './api';
import { ALL_STATUSES, type StatusChoice } from './queue-search';

interface StatusCountsProps {
  counts: Partial<Record<RequestStatus, number>>;
  current: StatusChoice;
  onChoose: (status: StatusChoice) => void;
}

/** How many requests per status (with the other filters applied); each button filters by its status. */
export function StatusCounts({ counts, current, onChoose }: StatusCountsProps) {
  const { t } = useTranslation('helpdesk-desk');
  const total = REQUEST_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const choices: { value: StatusChoice; label: string; count: number }[] = [
    ...REQUEST_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`), count: counts[status] ?? 0 })),
    { value: ALL_STATUSES, label: t('queue.countsAll'), count: total },
  ];
  return (
    <div role="group" aria-label={t('queue.counts')} className="d-flex flex-wrap gap-2 mb-4">
      {choices.map((choice) => {
        const active = choice.value === current;
        return (
          <button
            key={choice.value}
            type="button"
            className={`btn btn-sm ${active ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={active}
            onClick={() => onChoose(choice.value)}
          >
            {choice.label} <span className={`badge ms-1 ${active ? 'bg-white text-primary' : 'bg-primary'}`}>{choice.count.toLocaleString('it-IT')}</span>
          </button>
        );
      })}
    </div>
  );
}
