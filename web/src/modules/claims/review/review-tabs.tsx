import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { batchesPath, CLAIMS_REVIEW_PATH } from './paths';

/** The service's two sections: the claims and the payment decrees. */
export function ReviewTabs({ current }: { current: 'claims' | 'batches' }) {
  const { t } = useTranslation('claims-review');
  const tabs = [
    { key: 'claims', to: CLAIMS_REVIEW_PATH, label: t('tabs.claims') },
    { key: 'batches', to: batchesPath, label: t('tabs.batches') },
  ] as const;
  return (
    <nav aria-label={t('tabs.label')} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li key={tab.key} className="nav-item">
            <Link to={tab.to} className={`nav-link${tab.key === current ? ' active' : ''}`} aria-current={tab.key === current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
