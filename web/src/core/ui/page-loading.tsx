import { Spinner } from 'design-react-kit';
import { useTranslation } from 'react-i18next';

/** Shown while a page's data or code loads; announced politely. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="container-xxl py-5 d-flex align-items-center gap-3" role="status">
      <Spinner active small label={t('common.loading')} />
      <span aria-hidden="true">{t('common.loading')}</span>
    </div>
  );
}
