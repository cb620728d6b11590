import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { ClaimDetail } from './api';
import type { DecisionKind } from './decision-dialogs';

/** "Valutazione": the decisions the server allows on the claim now; nothing when none is. */
export function DecisionPanel({ claim, onChoose }: { claim: ClaimDetail; onChoose: (kind: DecisionKind) => void }) {
  const { t } = useTranslation('claims-review');
  const { approve, reject, requestIntegration } = claim.actions;
  if (!approve && !reject && !requestIntegration) return null;
  return (
    <section aria-labelledby="claim-decision" className="sportello-panel mb-5">
      <h2 id="claim-decision" className="h3">
        {t('decision.title')}
      </h2>
      <p>{t('decision.intro')}</p>
      <div className="d-flex flex-wrap gap-2">
        {approve && (
          <Button type="button" color="success" onClick={() => onChoose('approve')}>
            {t('decision.approve')}
          </Button>
        )}
        {requestIntegration && (
          <Button type="button" color="primary" outline onClick={() => onChoose('requestIntegration')}>
            {t('decision.requestIntegration')}
          </Button>
        )}
        {reject && (
          <Button type="button" color="danger" outline onClick={() => onChoose('reject')}>
            {t('decision.reject')}
          </Button>
        )}
      </div>
    </section>
  );
}
