import { Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/api-error';
import { useStructureSession } from '../../../core/session/signed-in';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert, fieldError } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { formatDateTime, formatEuro } from '../../../lib/format';
import { normaliseFiscalCode } from '../../../lib/fiscal-code';
import { toRomeDateAndTime } from '../../../lib/rome-time';
import { exportUrl, type MovementsFilter, useMovements } from './api';

const PAGE_SIZE = 25;

/** The first day of the platform's current month and its today, as `<input type="date">` values. */
function defaultPeriod(now: string): { from: string; to: string } {
  const today = toRomeDateAndTime(now).date;
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/**
 * "Elenco Movimenti" (seed 000 §08): with a period, "Cerca Movimenti" lists this merchant's movements
 * for all beneficiaries; with a Codice Fiscale only that beneficiary's. "Esporta movimenti" downloads
 * the same list (CSV or Excel), streamed by the server.
 */
export function MovementsSection() {
  const { t } = useTranslation('vouchers-merchant');
  const session = useStructureSession();
  const [form, setForm] = useState(() => ({ ...defaultPeriod(session.clock.now), fiscalCode: '' }));
  const [filter, setFilter] = useState<MovementsFilter | null>(null);
  const [page, setPage] = useState(1);
  const movements = useMovements(filter, page, PAGE_SIZE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPage(1);
    setFilter({ from: form.from || undefined, to: form.to || undefined, fiscalCode: form.fiscalCode || undefined });
  };

  const error = movements.error;
  const invalid = isApiError(error) && error.status === 400;
  const data = movements.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="movements-title" className="sportello-panel">
      <h2 id="movements-title" className="h3">
        {t('movements.title')}
      </h2>
      <p className="mb-4">{t('movements.intro')}</p>
      <form onSubmit={submit} noValidate className="row g-3 align-items-start mb-2">
        <div className="col-12 col-md-6 col-lg-3">
          <TextField id="movements-from" type="date" label={t('movements.from')} value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} error={invalid ? fieldError(error, 'from') : undefined} className="mb-0" />
        </div>
        <div className="col-12 col-md-6 col-lg-3">
          <TextField id="movements-to" type="date" label={t('movements.to')} value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} error={invalid ? fieldError(error, 'to') : undefined} className="mb-0" />
        </div>
        <div className="col-12 col-lg-6">
          <TextField
            id="movements-fiscal-code"
            label={t('movements.fiscalCode')}
            value={form.fiscalCode}
            onChange={(value) => setForm((f) => ({ ...f, fiscalCode: normaliseFiscalCode(value) }))}
            autoComplete="off"
            spellCheck={false}
            error={invalid ? fieldError(error, 'fiscalCode') : undefined}
            className="mb-0"
          />
        </div>
        <div className="col-12">
          <Button type="submit" color="primary">
            {t('movements.submit')}
          </Button>
        </div>
      </form>

      {invalid ? null : <ProblemAlert error={error} className="mt-3" />}
      {filter !== null && movements.isPending && <PageLoading />}
      {data && !invalid && (
        <div className="mt-4">
          <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-2 mb-2">
            <p className="mb-0" role="status">
              {t('movements.total', { count: data.total })}
            </p>
            {data.total > 0 && filter && (
              <div className="d-flex flex-wrap gap-2" role="group" aria-label={t('movements.export')}>
                <a className="btn btn-outline-primary btn-sm" href={exportUrl(filter, 'csv')} download>
                  {t('movements.exportCsv')}
                </a>
                <a className="btn btn-outline-primary btn-sm" href={exportUrl(filter, 'xlsx')} download>
                  {t('movements.exportXlsx')}
                </a>
              </div>
            )}
          </div>
          {data.items.length === 0 ? (
            <div className="sportello-empty">
              <p className="mb-0">{t('movements.empty')}</p>
            </div>
          ) : (
            <>
              <Table responsive className="sportello-table mb-0" aria-busy={movements.isFetching || undefined}>
                <caption className="visually-hidden">{t('movements.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('transactions.dateTime')}</th>
                    <th scope="col">{t('movements.code')}</th>
                    <th scope="col">{t('movements.voucher')}</th>
                    <th scope="col" className="text-end">
                      {t('transactions.amount')}
                    </th>
                    <th scope="col">{t('transactions.kind')}</th>
                    <th scope="col">{t('transactions.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id}>
                      <td className="text-nowrap">{formatDateTime(m.createdAt)}</td>
                      <td className="font-monospace">{m.code}</td>
                      <td className="font-monospace text-nowrap">{m.voucherCode}</td>
                      <td className="text-end text-nowrap">{formatEuro(m.amountCents)}</td>
                      <td>{t(`kind.${m.kind}`)}</td>
                      <td>{t(`status.${m.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              <Pagination
                page={Math.min(page, pages)}
                pages={pages}
                onPage={setPage}
                label={t('movements.pagination')}
                summary={`${t('movements.page', { page: Math.min(page, pages), pages })} · ${t('movements.total', { count: data.total })}`}
                previousLabel={t('movements.previous')}
                nextLabel={t('movements.next')}
                pageLabel={(p) => t('movements.goToPage', { page: p })}
              />
            </>
          )}
        </div>
      )}
    </section>
  );
}
