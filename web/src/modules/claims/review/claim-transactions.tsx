import { Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { PageLoading } from '../../../core/ui/page-loading';
import { formatDateTime, formatEuro } from '../../../lib/format';
import { type ClaimDetail, receiptUrl, useClaimTransactions } from './api';

const PAGE_SIZE = 20;

/** "Elenco transazioni" (seed 000 §09): the purchases the claim holds, with the receipt when there is one. */
export function ClaimTransactions({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation('claims-review');
  const [page, setPage] = useState(1);
  const transactions = useClaimTransactions(claim.id, page, PAGE_SIZE);
  const data = transactions.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="claim-transactions" className="mb-5">
      <h2 id="claim-transactions" className="h3">
        {t('transactions.title')}
      </h2>
      <ProblemAlert error={transactions.error} />
      {transactions.isPending ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('transactions.empty')}</p>
        </div>
      ) : data ? (
        <>
          <Table responsive className="sportello-table mb-0" aria-busy={transactions.isFetching || undefined}>
            <caption className="visually-hidden">{t('transactions.caption', { number: claim.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transactions.dateTime')}</th>
                <th scope="col">{t('transactions.fiscalCode')}</th>
                <th scope="col">{t('transactions.voucher')}</th>
                <th scope="col" className="text-end">
                  {t('transactions.amount')}
                </th>
                <th scope="col">{t('transactions.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => {
                const dateTime = formatDateTime(item.purchasedAt);
                return (
                  <tr key={item.movementId}>
                    <td className="text-nowrap">{dateTime}</td>
                    <td className="font-monospace">{item.fiscalCode}</td>
                    <td className="font-monospace text-nowrap">{item.voucherCode}</td>
                    <td className="text-end text-nowrap">{formatEuro(item.amountCents)}</td>
                    <td className="text-nowrap">
                      {item.hasReceipt ? (
                        <a href={receiptUrl(claim.id, item.movementId)} target="_blank" rel="noopener noreferrer">
                          {t('transactions.viewReceipt')}
                          <span className="visually-hidden"> {t('transactions.receiptOf', { dateTime })}</span>
                        </a>
                      ) : (
                        t('transactions.noReceipt')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={setPage}
            label={t('transactions.pagination')}
            summary={`${t('queue.page', { page: Math.min(page, pages), pages })} · ${t('transactions.total', { count: data.total })}`}
            previousLabel={t('queue.previous')}
            nextLabel={t('queue.next')}
            pageLabel={(p) => t('queue.goToPage', { page: p })}
          />
        </>
      ) : null}
    </section>
  );
}
