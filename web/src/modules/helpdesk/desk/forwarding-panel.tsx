import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { type RequestDetail, useForward } from './api';
import { NOTE_MAX_LENGTH } from './note-editor';
import { TextAreaField } from '../../../core/ui/text-area-field';

/**
 * At the regional desk, for a "non di competenza" request: "Invia a un'altra ASR". The request
 * goes back to "nuova" in that agency's queue and leaves the region's; the optional note is
 * private, for the agency's operators.
 */
export function ForwardingPanel({ request, onDone }: { request: RequestDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const forward = useForward(request.id);
  const [agencyId, setAgencyId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agencyId) {
      setError(t('forward.chooseAgency'));
      document.getElementById('forward-agency')?.focus();
      return;
    }
    setError(undefined);
    const text = note.trim();
    forward.mutate(
      { agencyId, ...(text ? { note: text } : {}) },
      { onSuccess: (answer) => onDone(t('forward.done', { number: answer.number, agency: answer.queue.name })) },
    );
  };

  return (
    <section aria-labelledby="request-forward" className="sportello-panel mb-4">
      <h2 id="request-forward" className="h3">
        {t('forward.title')}
      </h2>
      <p>{t('forward.intro')}</p>
      <ProblemAlert error={forward.error} className="mb-3" />
      <form noValidate onSubmit={submit}>
        <SelectField
          id="forward-agency"
          label={t('forward.agency')}
          emptyLabel={t('forward.chooseAgencyOption')}
          options={request.agencies.map((a) => ({
            value: a.id,
            label: a.id === request.agency.id ? t('forward.chosenByCitizen', { name: a.name }) : a.name,
          }))}
          value={agencyId}
          onChange={(value) => {
            setAgencyId(value);
            setError(undefined);
          }}
          error={error ?? fieldError(forward.error, 'agencyId')}
          className="mt-4 mb-4"
        />
        <TextAreaField
          id="forward-note"
          label={t('forward.note')}
          value={note}
          onChange={setNote}
          maxLength={NOTE_MAX_LENGTH}
          hint={t('forward.noteHint')}
          error={fieldError(forward.error, 'note')}
        />
        <Button type="submit" color="primary" disabled={forward.isPending}>
          {t('forward.submit')}
        </Button>
      </form>
    </section>
  );
}
