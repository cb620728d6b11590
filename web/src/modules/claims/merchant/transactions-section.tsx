import { Button, Icon, Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../core/ui/page-loading';
import { Pagination } from '../../../core/ui/pagination';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatDateTime, formatEuro } from '../../../lib/format';
import type { ClaimTransaction, Page } from './api';
import { TransactionDialog } from './transaction-dialog';

export const TRANSACTIONS_PAGE_SIZE = 25;

interface TransactionsSectionProps {
  caption: string;
  /** The page of transactions as the query returns it. */
  query: { data: Page<ClaimTransaction> | undefined; error: unknown; isPending: boolean; isFetching: boolean };
  page: number;
  onPage: (page: number) => void;
  /** The claim the transactions belong to (absent for a draft): its receipts can be opened. */
  claimId?: string;
}

/**
 * "Elenco transazioni" (seed 000 §09): data e ora, codice fiscale, importo, and in "Azioni" the
 * detail of each transaction (a dialog, with "Visualizza scontrino" when there is one).
 */
export function TransactionsSection({ caption, query, page, onPage, claimId }: TransactionsSectionProps) {
  const { t } = useTranslation('claims-merchant');
  const [shown, setShown] = useState<ClaimTransaction | null>(null);
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / TRANSACTIONS_PAGE_SIZE)) : 1;
  return (
    <section aria-labelledby="claim-transactions-title" className="mt-5">
      <h2 id="claim-transactions-title" className="h3">
        {t('transactions.title')}
      </h2>
      <ProblemAlert error={query.error} />
      {query.isPending && !query.error ? (
        <PageLoading />
      ) : data && data.total === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('transactions.empty')}</p>
        </div>
      ) : data ? (
        <>
          <Table responsive className="sportello-table mb-0" aria-busy={query.isFetching || undefined}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transactions.dateTime')}</th>
                <th scope="col">{t('transactions.fiscalCode')}</th>
                <th scope="col" className="text-end">
                  {t('transactions.amount')}
                </th>
                <th scope="col" className="text-end">
                  {t('transactions.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((transaction) => (
                <tr key={transaction.movementId}>
                  <td className="text-nowrap">{formatDateTime(transaction.purchasedAt)}</td>
                  <td className="font-monospace">{transaction.fiscalCode}</td>
                  <td className="text-end text-nowrap">{formatEuro(transaction.amountCents)}</td>
                  <td className="text-end">
                    <Button type="button" color="primary" outline size="xs" className="btn-icon" onClick={() => setShown(transaction)}>
                      <Icon icon="it-zoom-in" size="sm" color="primary" aria-hidden="true" />
                      <span className="visually-hidden">
                        {t('transactions.open', { when: formatDateTime(transaction.purchasedAt), amount: formatEuro(transaction.amountCents) })}
                      </span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination
            page={Math.min(page, pages)}
            pages={pages}
            onPage={onPage}
            label={t('transactions.pagination')}
            summary={`${t('pager.page', { page: Math.min(page, pages), pages })} · ${t('transactions.total', { count: data.total })}`}
            previousLabel={t('pager.previous')}
            nextLabel={t('pager.next')}
            pageLabel={(p) => t('pager.goToPage', { page: p })}
          />
        </>
      ) : null}
      {shown && <TransactionDialog transaction={shown} claimId={claimId} onClose={() => setShown(null)} />}
    </section>
  );
}
