import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { type CannedReply, useCannedReplies } from './api';

/**
 * "Risposte predefinite" (seed 004 §2.7–2.12): choose one and insert it into the note. Inserted
 * with a button rather than on choosing, so browsing the list never changes the text.
 */
export function CannedReplyPicker({ onInsert }: { onInsert: (reply: CannedReply) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const replies = useCannedReplies();
  const problem = useProblemMessage();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | undefined>();

  if (replies.isError) return <p className="small sportello-text-error">{t('canned.unavailable', { reason: problem(replies.error) })}</p>;
  const items = replies.data ?? [];
  if (!replies.isPending && items.length === 0) return null;

  const insert = () => {
    const reply = items.find((r) => r.id === choice);
    if (!reply) {
      setError(t('canned.choose'));
      document.getElementById('update-canned')?.focus();
      return;
    }
    setError(undefined);
    onInsert(reply);
    setChoice('');
  };

  return (
    <div className="row g-2 align-items-end mb-3">
      <div className="col-12 col-md-8">
        <SelectField
          id="update-canned"
          label={t('canned.label')}
          emptyLabel={replies.isPending ? t('canned.loading') : t('canned.empty')}
          options={items.map((r) => ({ value: r.id, label: r.title }))}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setError(undefined);
          }}
          error={error}
          className="mb-0"
        />
      </div>
      <div className="col-12 col-md-4">
        <Button type="button" color="primary" outline onClick={insert} disabled={replies.isPending}>
          {t('canned.insert')}
        </Button>
      </div>
    </div>
  );
}
