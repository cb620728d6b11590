import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { type RequestStatus, useFigures } from './api';
import { durationParts, formatDecimal } from './figures';
import { WeeklyChart } from './weekly-chart';

const OPEN_STATUSES: RequestStatus[] = ['nuova', 'in_lavorazione', 'in_attesa_utente', 'non_di_competenza'];
export const WEEK_CHOICES = [4, 12, 26, 52] as const;

/** A median in hours as "5,3 ore" / "2,5 giorni", or "nessun dato". */
function useDuration() {
  const { t } = useTranslation('helpdesk-desk');
  return (hours: number | null) => {
    if (hours === null) return t('figures.noData');
    const { unit, value } = durationParts(hours);
    return t(`figures.${unit}`, { count: value, value: formatDecimal(value) });
  };
}

/** One number in its box, its label first (read in that order). */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="sportello-panel h-100">
      <p className="small mb-1">{label}</p>
      <p className="mb-0 helpdesk-figure">{value}</p>
    </div>
  );
}

/**
 * "Andamento delle richieste" of the supervisor's structure: open requests by status, the median
 * times to the first answer and to resolution, and the requests per week.
 */
export function FiguresSection({ weeks, onWeeks }: { weeks: number; onWeeks: (weeks: number) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const figures = useFigures(weeks);
  const duration = useDuration();
  const data = figures.data;
  return (
    <section aria-labelledby="figures-title" className="mt-5 mb-5">
      <h2 id="figures-title" className="h3">
        {t('figures.title')}
      </h2>
      <div className="row">
        <div className="col-12 col-md-6 col-lg-4">
          <SelectField
            id="figures-weeks"
            label={t('figures.period')}
            emptyLabel={t('figures.weeksOption', { count: 12 })}
            options={WEEK_CHOICES.filter((w) => w !== 12).map((w) => ({ value: String(w), label: t('figures.weeksOption', { count: w }) }))}
            value={weeks === 12 ? '' : String(weeks)}
            onChange={(value) => onWeeks(value ? Number(value) : 12)}
            className="mt-4 mb-4"
          />
        </div>
      </div>
      <ProblemAlert error={figures.error} />
      {figures.isPending ? (
        <PageLoading />
      ) : data ? (
        <div aria-busy={figures.isFetching || undefined}>
          <h3 className="h5">{t('figures.open')}</h3>
          <ul className="row list-unstyled mb-4">
            {OPEN_STATUSES.map((status) => (
              <li key={status} className="col-6 col-lg-3 mb-3">
                <Figure label={t(`status.${status}`)} value={(data.openByStatus[status] ?? 0).toLocaleString('it-IT')} />
              </li>
            ))}
          </ul>
          <h3 className="h5">{t('figures.times', { count: weeks })}</h3>
          <ul className="row list-unstyled mb-4">
            <li className="col-12 col-md-6 mb-3">
              <Figure label={t('figures.firstAnswer')} value={duration(data.medianFirstAnswerHours)} />
            </li>
            <li className="col-12 col-md-6 mb-3">
              <Figure label={t('figures.resolution')} value={duration(data.medianResolutionHours)} />
            </li>
          </ul>
          <h3 className="h5">{t('figures.perWeek')}</h3>
          <WeeklyChart weeks={data.perWeek} />
        </div>
      ) : null}
    </section>
  );
}
