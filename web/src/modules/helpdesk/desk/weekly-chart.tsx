import { Table } from 'design-react-kit';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { Figures } from './api';
import { chartScale, weekLabel } from './figures';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 12, bottom: 40, left: 40 };

/**
 * "Richieste per settimana": an SVG bar chart (filed and resolved per week) named by its <title>
 * and <desc>, with the same numbers in a table under it — the chart for the eye, the table for
 * everyone. No chart library: a few rectangles are enough.
 */
export function WeeklyChart({ weeks }: { weeks: Figures['perWeek'] }) {
  const { t } = useTranslation('helpdesk-desk');
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const { max, ticks } = chartScale(weeks.flatMap((w) => [w.created, w.resolved]));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, weeks.length);
  const bar = Math.max(2, Math.min(24, (slot - 6) / 2));
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const totalCreated = weeks.reduce((sum, w) => sum + w.created, 0);
  const totalResolved = weeks.reduce((sum, w) => sum + w.resolved, 0);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const description =
    first && last
      ? t('figures.chartDesc', { weeks: weeks.length, from: formatDate(first.weekStart), to: formatDate(last.weekStart), created: totalCreated, resolved: totalResolved })
      : t('figures.noWeeks');
  // Label every week when they fit, otherwise every other one.
  const labelEvery = weeks.length > 16 ? Math.ceil(weeks.length / 13) : 1;

  return (
    <figure className="mb-0">
      <ul className="helpdesk-legend mb-2" aria-hidden="true">
        <li>
          <span className="helpdesk-legend-swatch" style={{ background: '#0066cc' }} />
          {t('figures.created')}
        </li>
        <li>
          <span className="helpdesk-legend-swatch" style={{ background: '#00703a' }} />
          {t('figures.resolved')}
        </li>
      </ul>
      <svg className="helpdesk-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('figures.chartTitle')}</title>
        <desc id={descId}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="helpdesk-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const x = PAD.left + index * slot + (slot - 2 * bar) / 2;
          return (
            <g key={week.weekStart}>
              <rect className="helpdesk-bar-created" x={x} y={y(week.created)} width={bar} height={Math.max(0, y(0) - y(week.created))} />
              <rect className="helpdesk-bar-resolved" x={x + bar} y={y(week.resolved)} width={bar} height={Math.max(0, y(0) - y(week.resolved))} />
              {index % labelEvery === 0 && (
                <text x={PAD.left + index * slot + slot / 2} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">
                  {weekLabel(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="small mt-2">{t('figures.chartCaption')}</figcaption>
      <Table responsive className="sportello-table mt-3 mb-0">
        <caption className="visually-hidden">{t('figures.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.week')}</th>
            <th scope="col" className="text-end">
              {t('figures.created')}
            </th>
            <th scope="col" className="text-end">
              {t('figures.resolved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row" className="fw-normal">
                {t('figures.weekOf', { date: formatDate(week.weekStart) })}
              </th>
              <td className="text-end">{week.created.toLocaleString('it-IT')}</td>
              <td className="text-end">{week.resolved.toLocaleString('it-IT')}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
