import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/api-error';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import type { Thread } from './api';
import { CountedTextArea } from './counted-text-area';

export const ANSWER_MAX = 4000;
const ANSWER_ID = 'helpdesk-answer';

interface AnswerFormProps {
  send: (body: string) => Promise<Thread>;
  onAnswered: (thread: Thread) => void;
  /** The request changed meanwhile (e.g. closed): read it again. */
  onRefused: () => void;
}

/** "Rispondi": the citizen's answer to the help desk, at most 4000 characters. */
export function AnswerForm({ send, onAnswered, onRefused }: AnswerFormProps) {
  const { t } = useTranslation('helpdesk-citizen');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (message: string) => {
    setError(message);
    document.getElementById(ANSWER_ID)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    setDone(null);
    const text = body.trim();
    if (text === '') return fail(t('answer.required'));
    if (text.length > ANSWER_MAX) return fail(t('answer.tooLong', { max: ANSWER_MAX, count: text.length }));
    setError(undefined);
    setBusy(true);
    try {
      const thread = await send(text);
      setBody('');
      setDone(t('answer.done'));
      onAnswered(thread);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.body) fail(caught.fields.body);
      else {
        setFailure(caught);
        if (isApiError(caught) && caught.status === 409) onRefused();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="helpdesk-answer-title" className="sportello-panel mt-4">
      <h2 id="helpdesk-answer-title" className="h3">
        {t('answer.title')}
      </h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <CountedTextArea
          id={ANSWER_ID}
          label={t('required', { label: t('answer.label') })}
          value={body}
          onChange={(value) => {
            setBody(value);
            setError(undefined);
            setDone(null);
          }}
          max={ANSWER_MAX}
          hint={t('answer.hint')}
          error={error}
          required
          rows={5}
        />
        <ProblemAlert error={failure} className="mb-3" />
        <div className="d-flex flex-wrap align-items-center gap-3">
          <Button type="submit" color="primary" disabled={busy} aria-busy={busy || undefined}>
            {t('answer.submit')}
          </Button>
          {busy && <span aria-hidden="true">{t('answer.sending')}</span>}
        </div>
        <StatusMessage message={done} className="mt-3" />
      </form>
    </section>
  );
}
