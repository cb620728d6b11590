import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { TextField } from '../../../core/ui/text-field';
import { type CannedReplyInput, type NoteAudience, type RequestStatus, type SupervisedReply, useCreateReply, useEditReply } from './api';
import { NOTE_MAX_LENGTH } from './note-editor';
import { isKnownPlaceholder, KNOWN_PLACEHOLDERS, placeholdersOf } from './placeholders';
import { TextAreaField } from '../../../core/ui/text-area-field';

const AUDIENCES: NoteAudience[] = ['citizen', 'internal', 'regional_desk'];
/** The statuses a reply may suggest: those an operator sets by hand (as the server accepts). */
const SUGGESTABLE: RequestStatus[] = ['in_lavorazione', 'in_attesa_utente', 'risolto', 'non_di_competenza'];

interface CannedReplyDialogProps {
  /** Absent: a new reply. */
  reply?: SupervisedReply;
  onClose: () => void;
  onDone: (message: string) => void;
}

interface Errors {
  title?: string;
  body?: string;
  suggestedStatus?: string;
}

/** "Nuova risposta predefinita" / "Modifica": title, text with placeholders, suggested status, audience. */
export function CannedReplyDialog({ reply, onClose, onDone }: CannedReplyDialogProps) {
  const { t } = useTranslation('helpdesk-desk');
  const { t: tc } = useTranslation();
  const create = useCreateReply();
  const edit = useEditReply(reply?.id ?? '');
  const mutation = reply ? edit : create;
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const [suggestedStatus, setSuggestedStatus] = useState<string>(reply?.suggestedStatus ?? '');
  const [audience, setAudience] = useState<NoteAudience>(reply?.audience ?? 'citizen');
  const [errors, setErrors] = useState<Errors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (title.trim() === '') found.title = t('replies.titleRequired');
    else if (title.trim().length > 200) found.title = t('replies.titleTooLong');
    const unknown = placeholdersOf(body).filter((name) => !isKnownPlaceholder(name));
    if (body.trim() === '') found.body = t('replies.bodyRequired');
    else if (body.length > NOTE_MAX_LENGTH) found.body = t('replies.bodyTooLong', { max: NOTE_MAX_LENGTH });
    else if (unknown.length > 0) found.body = t('replies.unknownPlaceholders', { names: unknown.map((n) => `{{${n}}}`).join(', '), allowed: KNOWN_PLACEHOLDERS.map((n) => `{{${n}}}`).join(', ') });
    // A note for the regional desk is the one of "non di competenza" (seed 004 §2.6).
    if (audience === 'regional_desk' && suggestedStatus !== 'non_di_competenza') found.suggestedStatus = t('replies.regionalNeedsStatus');
    setErrors(found);
    if (found.title || found.body || found.suggestedStatus) {
      document.getElementById(found.title ? 'reply-title' : found.body ? 'reply-body' : 'reply-status')?.focus();
      return;
    }
    const input: CannedReplyInput = {
      title: title.trim(),
      body: body.trim(),
      suggestedStatus: (suggestedStatus || null) as RequestStatus | null,
      audience,
      ...(reply ? { active: reply.active } : {}),
    };
    mutation.mutate(input, { onSuccess: () => onDone(reply ? t('replies.saved', { title: input.title }) : t('replies.created', { title: input.title })) });
  };

  return (
    <Dialog
      title={reply ? t('replies.editTitle') : t('replies.newTitle')}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" color="primary" disabled={mutation.isPending}>
            {t('replies.save')}
          </Button>
        </>
      }
    >
      <ProblemAlert error={mutation.error} className="mb-3" />
      <TextField
        id="reply-title"
        label={t('replies.title')}
        value={title}
        onChange={(value) => {
          setTitle(value);
          setErrors((e) => ({ ...e, title: undefined }));
        }}
        required
        maxLength={200}
        error={errors.title ?? fieldError(mutation.error, 'title')}
      />
      <TextAreaField
        id="reply-body"
        label={t('replies.body')}
        value={body}
        onChange={(value) => {
          setBody(value);
          setErrors((e) => ({ ...e, body: undefined }));
        }}
        required
        rows={7}
        maxLength={NOTE_MAX_LENGTH}
        hint={
          <>
            {t('replies.placeholdersHelp')}
            <ul className="mb-0 mt-1">
              {KNOWN_PLACEHOLDERS.map((name) => (
                <li key={name}>
                  <code>{`{{${name}}}`}</code> — {t(`replies.placeholderHelp.${name}`)}
                </li>
              ))}
            </ul>
          </>
        }
        error={errors.body ?? fieldError(mutation.error, 'body')}
      />
      <SelectField
        id="reply-status"
        label={t('replies.suggestedStatus')}
        emptyLabel={t('replies.noStatus')}
        options={SUGGESTABLE.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={suggestedStatus}
        onChange={(value) => {
          setSuggestedStatus(value);
          setErrors((e) => ({ ...e, suggestedStatus: undefined }));
        }}
        error={errors.suggestedStatus ?? fieldError(mutation.error, 'suggestedStatus')}
      />
      <SelectField
        id="reply-audience"
        label={t('replies.audience')}
        emptyLabel={t('replies.audienceChoose')}
        options={AUDIENCES.map((a) => ({ value: a, label: t(`replies.audiences.${a}`) }))}
        value={audience}
        onChange={(value) => {
          setAudience((value || 'citizen') as NoteAudience);
          setErrors((e) => ({ ...e, suggestedStatus: undefined }));
        }}
        error={fieldError(mutation.error, 'audience')}
        className="mb-0"
      />
    </Dialog>
  );
}
