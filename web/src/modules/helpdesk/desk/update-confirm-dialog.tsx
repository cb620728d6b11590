import { Button } from 'design-react-kit';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import type { RequestDetail } from './api';
import type { NoteRecipient } from './note-recipient';

interface UpdateConfirmDialogProps {
  request: RequestDetail;
  recipient: Exclude<NoteRecipient, 'operators'>;
  body: string;
  /** The new status's label, when it changes. */
  statusLabel: string | null;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A public note leaves the back office: before it goes, the operator reads what, to whom, and how. */
export function UpdateConfirmDialog({ request, recipient, body, statusLabel, pending, error, onConfirm, onClose }: UpdateConfirmDialogProps) {
  const { t } = useTranslation('helpdesk-desk');
  const { t: tc } = useTranslation();
  const name = `${request.citizen.givenName} ${request.citizen.familyName}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <Dialog
      title={recipient === 'regional-desk' ? t('confirm.titleRegional') : t('confirm.title')}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" color="primary" disabled={pending}>
            {recipient === 'regional-desk' ? t('confirm.sendRegional') : t('confirm.send')}
          </Button>
        </>
      }
    >
      <ProblemAlert error={error} className="mb-3" />
      <p className="fw-semibold">{t(`confirm.summary.${recipient}`, { name, email: request.citizen.email, number: request.number })}</p>
      <blockquote className="helpdesk-note helpdesk-note-public helpdesk-note-body mb-3">{body}</blockquote>
      <p className="mb-0">{statusLabel ? t('confirm.status', { from: request.statusLabel, to: statusLabel }) : t('confirm.sameStatus', { status: request.statusLabel })}</p>
    </Dialog>
  );
}
