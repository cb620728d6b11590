import { Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { formatDate } from '../../../lib/format';
import { type ProgramDetail, useEnrolMerchant, useMerchantStructures, useRemoveMerchant } from './api';
import { useProgramsText } from './text';

type Enrolled = ProgramDetail['merchants'][number];

/** "Esercenti aderenti": the table with "Rimuovi" (confirmed), and the choice of one more. */
export function ProgramMerchants({ detail, onDone }: { detail: ProgramDetail; onDone: (message: string) => void }) {
  const text = useProgramsText();
  const d = text.detail;
  const [removing, setRemoving] = useState<Enrolled | null>(null);

  return (
    <section aria-labelledby="program-merchants" className="mb-5">
      <h2 id="program-merchants" className="h3" tabIndex={-1}>
        {d.merchants}
      </h2>
      {detail.merchants.length === 0 ? (
        <div className="sportello-empty mb-3">
          <p className="mb-0">{d.noMerchants}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-3">
          <caption className="visually-hidden">{d.merchantsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.merchantColumn}</th>
              <th scope="col">{d.enrolledColumn}</th>
              <th scope="col">
                <span className="visually-hidden">{d.actionsColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {detail.merchants.map((merchant) => (
              <tr key={merchant.id}>
                <th scope="row" className="fw-normal">
                  {merchant.name}
                </th>
                <td>{formatDate(merchant.enrolledAt)}</td>
                <td className="text-end">
                  <Button type="button" color="danger" outline size="sm" aria-label={d.removeLabel(merchant.name)} onClick={() => setRemoving(merchant)}>
                    {d.remove}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <AddMerchant detail={detail} onDone={onDone} />
      {removing && (
        <RemoveMerchantDialog
          detail={detail}
          merchant={removing}
          onClose={() => setRemoving(null)}
          onDone={(message) => {
            setRemoving(null);
            onDone(message);
            // The row and its button are gone: focus stays in the section, not on the page's top.
            document.getElementById('program-merchants')?.focus();
          }}
        />
      )}
    </section>
  );
}

function AddMerchant({ detail, onDone }: { detail: ProgramDetail; onDone: (message: string) => void }) {
  const text = useProgramsText();
  const d = text.detail;
  const merchants = useMerchantStructures();
  const enrol = useEnrolMerchant(detail.program.id);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | undefined>();
  const enrolled = new Set(detail.merchants.map((m) => m.id));
  const available = (merchants.data ?? []).filter((m) => !enrolled.has(m.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const merchant = available.find((m) => m.id === choice);
    if (!merchant) {
      setError(d.chooseRequired);
      document.getElementById('program-add-merchant')?.focus();
      return;
    }
    setError(undefined);
    enrol.mutate(merchant.id, {
      onSuccess: () => {
        setChoice('');
        onDone(d.added(merchant.name));
      },
    });
  };

  if (merchants.data && available.length === 0) return <p className="mb-0">{d.allEnrolled}</p>;
  return (
    <form noValidate onSubmit={submit} className="d-flex flex-column flex-md-row align-items-md-end gap-3">
      <SelectField
        id="program-add-merchant"
        label={d.addMerchant}
        emptyLabel={d.choose}
        options={available.map((m) => ({ value: m.id, label: m.name }))}
        value={choice}
        onChange={setChoice}
        error={error}
        className="mb-0 flex-grow-1"
      />
      <Button type="submit" color="primary" outline disabled={enrol.isPending} className="mb-md-1">
        {d.add}
      </Button>
      <ProblemAlert error={enrol.error ?? merchants.error} className="mb-0" />
    </form>
  );
}

function RemoveMerchantDialog({ detail, merchant, onClose, onDone }: { detail: ProgramDetail; merchant: Enrolled; onClose: () => void; onDone: (message: string) => void }) {
  const text = useProgramsText();
  const r = text.removeDialog;
  const { t } = useTranslation();
  const remove = useRemoveMerchant(detail.program.id);
  return (
    <Dialog
      title={r.title}
      onClose={onClose}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="button" color="danger" disabled={remove.isPending} onClick={() => remove.mutate(merchant.id, { onSuccess: () => onDone(r.done(merchant.name)) })}>
            {r.submit}
          </Button>
        </>
      }
    >
      <ProblemAlert error={remove.error} />
      <p className="mb-0">{r.confirm(merchant.name, detail.program.name)}</p>
    </Dialog>
  );
}
