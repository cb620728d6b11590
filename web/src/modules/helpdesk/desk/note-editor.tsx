import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { NoteRecipient } from './note-recipient';

export const NOTE_MAX_LENGTH = 4000;

interface NoteEditorProps {
  body: string;
  onBody: (body: string) => void;
  isPublic: boolean;
  onTogglePublic: () => void;
  recipient: NoteRecipient;
  citizenEmail: string;
  error?: string;
}

const STYLE: Record<NoteRecipient, string> = {
  operators: 'private',
  'citizen-app': 'public',
  'citizen-email': 'public',
  'regional-desk': 'regional',
};
const ICON: Record<NoteRecipient, string> = { operators: 'it-locked', 'citizen-app': 'it-user', 'citizen-email': 'it-mail', 'regional-desk': 'it-pa' };

/**
 * The note of "Aggiorna". The lock (seed 004 §2.4: "cliccare sul lucchetto per rendere il contorno
 * della nota grigio") is a toggle button: pressed = public. The outline follows it (grey when
 * public), and a sentence under the text says who will read the note — read with the text area
 * and announced when it changes — so nobody sends a note to the citizen by mistake.
 */
export function NoteEditor({ body, onBody, isPublic, onTogglePublic, recipient, citizenEmail, error }: NoteEditorProps) {
  const { t } = useTranslation('helpdesk-desk');
  const style = STYLE[recipient];
  const errorId = error ? 'update-note-error' : undefined;
  return (
    <div className={`helpdesk-editor helpdesk-editor-${style} mb-3`}>
      <div className="d-flex flex-wrap justify-content-between align-items-end gap-2 mb-2">
        <label htmlFor="update-note" className="fw-semibold mb-0">
          {t('update.note')}
        </label>
        <button
          type="button"
          className={`btn btn-sm helpdesk-lock ${isPublic ? 'btn-secondary' : 'btn-outline-secondary'} d-inline-flex align-items-center gap-1`}
          aria-pressed={isPublic}
          aria-describedby="update-note-recipient"
          onClick={onTogglePublic}
        >
          <Icon icon={isPublic ? 'it-unlocked' : 'it-locked'} size="sm" aria-hidden="true" />
          {t('update.publicToggle')}
        </button>
      </div>
      <textarea
        id="update-note"
        className={`form-control${error ? ' is-invalid' : ''}`}
        rows={6}
        maxLength={NOTE_MAX_LENGTH}
        value={body}
        onChange={(event) => onBody(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={['update-note-recipient', 'update-note-count', errorId].filter(Boolean).join(' ')}
      />
      <div id="update-note-recipient" className={`helpdesk-recipient helpdesk-recipient-${style}`} aria-live="polite">
        <Icon icon={ICON[recipient]} size="sm" aria-hidden="true" />
        <span>{t(`update.recipient.${recipient}`, { email: citizenEmail })}</span>
      </div>
      <small id="update-note-count" className="form-text d-block text-end">
        {t('update.count', { count: body.length, max: NOTE_MAX_LENGTH })}
      </small>
      {error && (
        <div id={errorId} className="sportello-field-error">
          {error}
        </div>
      )}
    </div>
  );
}
