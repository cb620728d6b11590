import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, fieldError } from '../../../core/ui/problem-alert';
import { SelectField } from '../../../core/ui/select-field';
import { type CannedReply, hasLeftQueue, type RequestDetail, type RequestStatus, type UpdateInput, useUpdate } from './api';
import { CannedReplyPicker } from './canned-reply-picker';
import { NOTE_MAX_LENGTH, NoteEditor } from './note-editor';
import { missingForStatus, noteRecipient } from './note-recipient';
import { placeholderFieldId, PlaceholderFields } from './placeholder-fields';
import { fillPlaceholders, insertReply, isKnownPlaceholder, placeholdersOf, unfilledPlaceholders } from './placeholders';
import { UpdateConfirmDialog } from './update-confirm-dialog';

interface UpdatePanelProps {
  request: RequestDetail;
  /** Saved; `leftQueue` when the request went to the regional desk and this page no longer shows it. */
  onDone: (message: string, leftQueue: boolean) => void;
}

interface Errors {
  note?: string;
  status?: string;
  form?: string;
}

/**
 * "Aggiorna la richiesta" (seed 004 §2.4–2.6): a note — private, or public with the lock — and the
 * new "STATO", saved together. A public note is confirmed first, with who will receive it.
 */
export function UpdatePanel({ request, onDone }: UpdatePanelProps) {
  const { t } = useTranslation('helpdesk-desk');
  const update = useUpdate(request.id);
  const [body, setBody] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [status, setStatus] = useState<RequestStatus | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState<UpdateInput | null>(null);
  const [inserted, setInserted] = useState<string | null>(null);

  const targetStatus = status === '' ? null : status;
  const recipient = noteRecipient({ isPublic, targetStatus, citizenSignedIn: request.citizen.signedIn });
  const placeholderNames = placeholdersOf(body);
  const statusLabel = (code: RequestStatus | null) => (code ? (request.allowedStatuses.find((s) => s.code === code)?.label ?? t(`status.${code}`)) : null);
  const label = (name: string) => (isKnownPlaceholder(name) ? t(`placeholders.${name}`) : `{{${name}}}`);

  const insert = (reply: CannedReply) => {
    setBody((current) => insertReply(current, reply.body));
    if (reply.audience === 'internal') setPublic(false);
    else setPublic(true);
    if (reply.suggestedStatus && request.allowedStatuses.some((s) => s.code === reply.suggestedStatus)) setStatus(reply.suggestedStatus);
    setErrors({});
    const names = placeholdersOf(reply.body);
    setInserted(names.length ? t('canned.insertedWithFields', { title: reply.title, fields: names.map(label).join(', ') }) : t('canned.inserted', { title: reply.title }));
    window.setTimeout(() => document.getElementById('update-note')?.focus(), 0);
  };

  const applyValues = () => {
    setBody((current) => fillPlaceholders(current, values));
    setMissing([]);
  };

  const reset = () => {
    setBody('');
    setPublic(false);
    setStatus('');
    setValues({});
    setMissing([]);
    setErrors({});
    setInserted(null);
    setConfirming(null);
  };

  const send = (input: UpdateInput) => {
    update.mutate(input, {
      onSuccess: (answer) => {
        const leftQueue = hasLeftQueue(answer);
        const message = leftQueue
          ? t('update.forwardedToRegion', { number: answer.number })
          : input.note?.public
            ? t(request.citizen.signedIn ? 'update.sentApp' : 'update.sentEmail', { number: answer.number })
            : t('update.saved', { number: answer.number });
        reset();
        onDone(message, leftQueue);
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.reset();
    const filled = fillPlaceholders(body, values);
    if (filled !== body) setBody(filled);
    const stillMissing = unfilledPlaceholders(body, values);
    const text = filled.trim();
    const found: Errors = {};
    if (stillMissing.length > 0) found.note = t('update.placeholdersMissing', { fields: stillMissing.map(label).join(', ') });
    else if (text.length > NOTE_MAX_LENGTH) found.note = t('update.tooLong', { max: NOTE_MAX_LENGTH });
    const need = missingForStatus(targetStatus, { body: text, isPublic });
    // missingForStatus asks only for these three statuses.
    const needing = targetStatus as 'risolto' | 'in_attesa_utente' | 'non_di_competenza';
    if (!found.note && need === 'note') found.note = t(`update.needNote.${needing}`);
    if (!found.note && need === 'public') found.note = t(`update.needPublic.${needing}`);
    if (!found.note && text === '' && !targetStatus) found.form = t('update.empty');
    setMissing(stillMissing);
    setErrors(found);
    if (found.note || found.form) {
      const firstMissing = stillMissing[0];
      document.getElementById(firstMissing !== undefined ? placeholderFieldId(placeholderNames.indexOf(firstMissing)) : 'update-note')?.focus();
      return;
    }
    const input: UpdateInput = {};
    if (text) input.note = { body: text, public: isPublic };
    if (targetStatus) input.status = targetStatus;
    if (input.note?.public) setConfirming(input);
    else send(input);
  };

  const serverNoteError = fieldError(update.error, 'note.body') ?? fieldError(update.error, 'note');
  return (
    <section aria-labelledby="request-update" className="sportello-panel mb-4">
      <h2 id="request-update" className="h3">
        {t('update.title')}
      </h2>
      <p>{t('update.intro')}</p>
      {!confirming && <ProblemAlert error={update.error} className="mb-3" />}
      {errors.form && (
        <div className="alert alert-danger" role="alert">
          {errors.form}
        </div>
      )}
      <form noValidate onSubmit={submit}>
        <CannedReplyPicker onInsert={insert} />
        <p className="small mb-2" role="status" aria-live="polite">
          {inserted}
        </p>
        <NoteEditor
          body={body}
          onBody={(value) => {
            setBody(value);
            setErrors((e) => ({ ...e, note: undefined, form: undefined }));
          }}
          isPublic={isPublic}
          onTogglePublic={() => setPublic((p) => !p)}
          recipient={recipient}
          citizenEmail={request.citizen.email}
          error={errors.note ?? serverNoteError}
        />
        <PlaceholderFields
          names={placeholderNames}
          values={values}
          onChange={(name, value) => {
            setValues((v) => ({ ...v, [name]: value }));
            setMissing((m) => m.filter((n) => n !== name));
          }}
          onApply={applyValues}
          missing={missing}
        />
        {request.allowedStatuses.length > 0 ? (
          <SelectField
            id="update-status"
            label={t('update.status')}
            emptyLabel={t('update.keepStatus', { status: request.statusLabel })}
            options={request.allowedStatuses.map((s) => ({ value: s.code, label: s.label }))}
            value={status}
            onChange={(value) => {
              setStatus(value as RequestStatus | '');
              setErrors((e) => ({ ...e, note: undefined, form: undefined }));
            }}
            error={errors.status ?? fieldError(update.error, 'status')}
            className="mt-4 mb-3"
          />
        ) : (
          <p>{t('update.noStatuses', { status: request.statusLabel })}</p>
        )}
        {targetStatus && <p className="small">{t(`update.statusHint.${targetStatus}`)}</p>}
        <Button type="submit" color="primary" disabled={update.isPending}>
          {t('update.submit')}
        </Button>
      </form>
      {confirming?.note && recipient !== 'operators' && (
        <UpdateConfirmDialog
          request={request}
          recipient={recipient}
          body={confirming.note.body}
          statusLabel={statusLabel(confirming.status ?? null)}
          pending={update.isPending}
          error={update.error}
          onConfirm={() => send(confirming)}
          onClose={() => {
            setConfirming(null);
            update.reset();
          }}
        />
      )}
    </section>
  );
}
