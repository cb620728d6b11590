import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../core/api/api-error';
import { Dialog } from '../../../core/ui/dialog';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { TextField } from '../../../core/ui/text-field';
import { formatDate, formatEuro } from '../../../lib/format';
import { type ClaimDetail, useDecision } from './api';
import { addDays, deadlineProblem, MAX_INTEGRATION_DAYS } from './days';
import { TextAreaField } from '../../../core/ui/text-area-field';

export type DecisionKind = 'approve' | 'reject' | 'requestIntegration';

interface DialogProps {
  claim: ClaimDetail;
  onClose: () => void;
  /** The decision is recorded: the message to show on the page. */
  onDone: (message: string) => void;
}

/** The server's refusal, and a word when it is because the claim changed meanwhile (409). */
function DecisionProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('claims-review');
  if (!error) return null;
  return (
    <>
      <ProblemAlert error={error} className="mb-3" />
      {isApiError(error) && error.status === 409 && <p className="small">{t('decision.unchanged')}</p>}
    </>
  );
}

function Footer({ pending, label, onClose, danger = false }: { pending: boolean; label: string; onClose: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Button type="button" color="primary" outline onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'danger' : 'primary'} disabled={pending}>
        {label}
      </Button>
    </>
  );
}

/** "Approva": a confirmation, nothing to type. */
export function ApproveDialog({ claim, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('claims-review');
  const decision = useDecision(claim.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decision.mutate({ kind: 'approve' }, { onSuccess: (detail) => onDone(t('decision.approved', { number: detail.number })) });
  };
  return (
    <Dialog title={t('decision.approveTitle')} onClose={onClose} onSubmit={submit} footer={<Footer pending={decision.isPending} label={t('decision.approve')} onClose={onClose} />}>
      <DecisionProblem error={decision.error} />
      <p className="mb-0">{t('decision.approveConfirm', { number: claim.number, merchant: claim.merchantName, amount: formatEuro(claim.amountCents) })}</p>
    </Dialog>
  );
}

/** "Rifiuta": the reason is mandatory and goes to the merchant. */
export function RejectDialog({ claim, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('claims-review');
  const decision = useDecision(claim.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('decision.reasonRequired'));
      document.getElementById('reject-reason')?.focus();
      return;
    }
    setError(undefined);
    decision.mutate({ kind: 'reject', reason: reason.trim() }, { onSuccess: (detail) => onDone(t('decision.rejected', { number: detail.number })) });
  };
  return (
    <Dialog title={t('decision.rejectTitle')} onClose={onClose} onSubmit={submit} size="lg" footer={<Footer pending={decision.isPending} label={t('decision.reject')} onClose={onClose} danger />}>
      <DecisionProblem error={decision.error} />
      <p>{t('decision.rejectIntro', { number: claim.number, merchant: claim.merchantName })}</p>
      <TextAreaField
        id="reject-reason"
        label={t('decision.reason')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setError(undefined);
        }}
        required
        maxLength={2000}
        hint={t('decision.reasonHint')}
        error={error ?? fieldError(decision.error, 'reason')}
      />
    </Dialog>
  );
}

/** "Richiedi integrazione": what is missing, and by when (a day after today). */
export function IntegrationDialog({ claim, onClose, onDone, today }: DialogProps & { today: string }) {
  const { t } = useTranslation('claims-review');
  const decision = useDecision(claim.id);
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<{ text?: string; deadline?: string }>({});
  const todayLabel = formatDate(today);
  const latest = addDays(today, MAX_INTEGRATION_DAYS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: { text?: string; deadline?: string } = {};
    if (text.trim() === '') found.text = t('decision.textRequired');
    const problem = deadlineProblem(deadline, today);
    if (problem === 'required') found.deadline = t('decision.deadlineRequired');
    else if (problem === 'invalid') found.deadline = t('decision.deadlineInvalid');
    else if (problem === 'notAfterToday') found.deadline = t('decision.deadlineNotAfterToday', { today: todayLabel });
    else if (problem === 'tooFar') found.deadline = t('decision.deadlineTooFar', { latest: formatDate(latest) });
    setErrors(found);
    if (found.text || found.deadline) {
      document.getElementById(found.text ? 'integration-text' : 'integration-deadline')?.focus();
      return;
    }
    decision.mutate(
      { kind: 'requestIntegration', text: text.trim(), deadline },
      { onSuccess: (detail) => onDone(t('decision.integrationRequested', { number: detail.number, deadline: formatDate(deadline) })) },
    );
  };

  return (
    <Dialog
      title={t('decision.integrationTitle')}
      onClose={onClose}
      onSubmit={submit}
      size="lg"
      footer={<Footer pending={decision.isPending} label={t('decision.requestIntegration')} onClose={onClose} />}
    >
      <DecisionProblem error={decision.error} />
      <p>{t('decision.integrationIntro', { number: claim.number })}</p>
      <TextAreaField
        id="integration-text"
        label={t('decision.text')}
        value={text}
        onChange={(value) => {
          setText(value);
          setErrors((e) => ({ ...e, text: undefined }));
        }}
        required
        maxLength={4000}
        hint={t('decision.textHint')}
        error={errors.text ?? fieldError(decision.error, 'text')}
      />
      <TextField
        id="integration-deadline"
        type="date"
        label={t('decision.deadline')}
        value={deadline}
        onChange={(value) => {
          setDeadline(value);
          setErrors((e) => ({ ...e, deadline: undefined }));
        }}
        min={addDays(today, 1)}
        max={latest}
        required
        hint={t('decision.deadlineHint', { today: todayLabel, latest: formatDate(latest) })}
        error={errors.deadline ?? fieldError(decision.error, 'deadline')}
        className="mb-0"
      />
    </Dialog>
  );
}
