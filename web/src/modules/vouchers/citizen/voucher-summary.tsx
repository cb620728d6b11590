import { Badge } from 'design-react-kit';
import type { ReactNode } from 'react';
import { formatDate, formatEuro } from '../../../lib/format';
import type { MyVoucher, VoucherState } from './api';
import { useCitizenVoucherMessages } from './messages';

/** Bootstrap Italia colours with white text at AA contrast. */
const STATE_COLOR: Record<VoucherState, string> = { attivo: 'success', non_attivo: 'primary', scaduto: 'danger', esaurito: 'dark' };

export function VoucherStateBadge({ state }: { state: VoucherState }) {
  const m = useCitizenVoucherMessages();
  return <Badge color={STATE_COLOR[state]}>{m.state[state] ?? state}</Badge>;
}

/** The voucher's data as the manual lists it: ID, state, initial / used / available amount, dates. */
export function VoucherSummary({ voucher }: { voucher: MyVoucher }) {
  const m = useCitizenVoucherMessages();
  const rows: [string, ReactNode][] = [
    [m.field.code, <span className="font-monospace">{voucher.code}</span>],
    [m.field.state, <VoucherStateBadge state={voucher.state} />],
    [m.field.available, <strong>{formatEuro(voucher.availableCents)}</strong>],
    [m.field.initial, formatEuro(voucher.initialCents)],
    [m.field.used, formatEuro(voucher.usedCents)],
    [m.field.activation, <time dateTime={voucher.activationDate}>{formatDate(voucher.activationDate)}</time>],
    [m.field.expiry, <time dateTime={voucher.expiryDate}>{formatDate(voucher.expiryDate)}</time>],
  ];
  return (
    <dl className="row mb-0 sportello-voucher-summary">
      {rows.map(([label, value]) => (
        <div key={label} className="col-12 col-sm-6 col-lg-4 mb-3">
          <dt className="fw-semibold">{label}</dt>
          <dd className="mb-0 fs-5">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
