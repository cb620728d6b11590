import { Button, Icon, Table } from 'design-react-kit';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import type { AuditEntry } from './api';
import { isKnownField } from './audit-labels';

interface AuditTableProps {
  entries: AuditEntry[];
  busy: boolean;
  actionLabel: (action: string) => string;
  structureName: (id: string) => string | undefined;
}

/** The log's rows, newest first; each row's "Dettagli" opens what was recorded before and after. */
export function AuditTable({ entries, busy, actionLabel, structureName }: AuditTableProps) {
  const { t } = useTranslation('administration');
  return (
    <Table responsive className="sportello-table sportello-audit-table mb-0" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{t('audit.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.column.when')}</th>
          <th scope="col">{t('audit.column.actor')}</th>
          <th scope="col">{t('audit.column.structure')}</th>
          <th scope="col">{t('audit.column.action')}</th>
          <th scope="col">{t('audit.column.person')}</th>
          <th scope="col">{t('audit.column.details')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} actionLabel={actionLabel} structureName={structureName} />
        ))}
      </tbody>
    </Table>
  );
}

function AuditRow({ entry, actionLabel, structureName }: { entry: AuditEntry } & Pick<AuditTableProps, 'actionLabel' | 'structureName'>) {
  const { t } = useTranslation('administration');
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  const when = formatDateTime(entry.occurred_at);
  const action = actionLabel(entry.action);
  return (
    <>
      <tr className={open ? 'sportello-audit-open' : undefined}>
        <td className="text-nowrap">
          <time dateTime={entry.occurred_at}>{when}</time>
        </td>
        <td>{entry.actor_name ?? <span className="sportello-muted">{t('audit.system')}</span>}</td>
        <td>{entry.structure_name ?? <Empty />}</td>
        <td>{action}</td>
        <td className="font-monospace text-nowrap">{entry.person_fiscal_code ?? <Empty />}</td>
        <td>
          <Button
            type="button"
            color="primary"
            outline
            size="sm"
            className="sportello-disclosure"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {t('audit.details')}
            <span className="visually-hidden">: {t('audit.detailsOf', { action, when })}</span>
            <Icon icon={open ? 'it-collapse' : 'it-expand'} size="sm" color="primary" className="ms-1 sportello-disclosure-icon" aria-hidden="true" />
          </Button>
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="sportello-audit-details">
          <td colSpan={6}>
            <AuditDetails entry={entry} structureName={structureName} />
          </td>
        </tr>
      )}
    </>
  );
}

function Empty() {
  return <span className="sportello-muted">—</span>;
}

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ChangeRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Field by field, when both sides are objects (or absent); null when they are something else. */
function changeRows(before: unknown, after: unknown): ChangeRow[] | null {
  const b = before ?? null;
  const a = after ?? null;
  if ((b !== null && !isPlainObject(b)) || (a !== null && !isPlainObject(a))) return null;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => ({
    key,
    before: b?.[key],
    after: a?.[key],
    changed: b !== null && a !== null && JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function AuditDetails({ entry, structureName }: { entry: AuditEntry; structureName: (id: string) => string | undefined }) {
  const { t } = useTranslation('administration');
  const rows = changeRows(entry.before, entry.after);

  const value = (key: string, v: unknown): ReactNode => {
    if (v === undefined || v === null || v === '') return <Empty />;
    if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
    if (typeof v === 'string' && ISO_INSTANT.test(v)) return <time dateTime={v}>{formatDateTime(v)}</time>;
    if (typeof v === 'string' && key === 'structureId') return structureName(v) ?? <span className="font-monospace">{v}</span>;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (Array.isArray(v) && v.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return v.length === 0 ? <Empty /> : v.join(', ');
    }
    return <pre className="sportello-audit-json mb-0">{JSON.stringify(v, null, 2)}</pre>;
  };

  return (
    <div className="sportello-audit-detail-body">
      <dl className="sportello-audit-meta">
        <dt>{t('audit.subject')}</dt>
        <dd>
          {entry.subject_type}
          {entry.subject_id && (
            <>
              {' '}
              <span className="font-monospace">{entry.subject_id}</span>
            </>
          )}
        </dd>
        {entry.ip && (
          <>
            <dt>{t('audit.ip')}</dt>
            <dd className="font-monospace">{entry.ip}</dd>
          </>
        )}
      </dl>
      {rows === null ? (
        <dl className="sportello-audit-meta">
          <dt>{t('audit.before')}</dt>
          <dd>
            <pre className="sportello-audit-json mb-0">{JSON.stringify(entry.before ?? null, null, 2)}</pre>
          </dd>
          <dt>{t('audit.after')}</dt>
          <dd>
            <pre className="sportello-audit-json mb-0">{JSON.stringify(entry.after ?? null, null, 2)}</pre>
          </dd>
        </dl>
      ) : rows.length === 0 ? (
        <p className="mb-0 sportello-muted">{t('audit.noValues')}</p>
      ) : (
        <table className="table table-sm sportello-audit-changes mb-0">
          <caption className="visually-hidden">{t('audit.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.changed ? 'sportello-audit-changed' : undefined}>
                <th scope="row">
                  {isKnownField(row.key) ? t(`fieldName.${row.key}`) : <span className="font-monospace">{row.key}</span>}
                  {row.changed && <span className="visually-hidden"> {t('audit.changed')}</span>}
                </th>
                <td>{value(row.key, row.before)}</td>
                <td>{value(row.key, row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
