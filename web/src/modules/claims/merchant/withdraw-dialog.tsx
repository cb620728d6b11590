import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { formatEuro } from '../../../lib/format';
import { claimKeys, type ClaimDetail, withdrawClaim } from './api';

interface WithdrawDialogProps {
  claim: { id: string; number: number; amountCents: number; period: { label: string } };
  onClose: () => void;
  onDone: (message: string, claim: ClaimDetail) => void;
}

/** "Annulla istanza", after a confirmation: refused by the server once the payment procedure started. */
export function WithdrawDialog({ claim, onClose, onDone }: WithdrawDialogProps) {
  const { t } = useTranslation('claims-merchant');
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => withdrawClaim(claim.id),
    onSuccess: (detail) => {
      queryClient.setQueryData(claimKeys.detail(claim.id), detail);
      // The list, the filing window (a withdrawn claim frees its quadrimestre) and the draft change too.
      void queryClient.invalidateQueries({ queryKey: claimKeys.all });
      onDone(t('withdraw.done', { number: claim.number }), detail);
    },
  });
  return (
    <Dialog
      title={t('withdraw.title')}
      onClose={onClose}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {t('withdraw.keep')}
          </Button>
          <Button type="button" color="danger" disabled={withdraw.isPending} aria-busy={withdraw.isPending || undefined} onClick={() => withdraw.mutate()}>
            {t('withdraw.confirm')}
          </Button>
        </>
      }
    >
      <p>{t('withdraw.question', { number: claim.number, amount: formatEuro(claim.amountCents), period: claim.period.label })}</p>
      <p className="mb-0">{t('withdraw.consequence')}</p>
      <ProblemAlert error={withdraw.error} className="mt-3 mb-0" />
    </Dialog>
  );
}
