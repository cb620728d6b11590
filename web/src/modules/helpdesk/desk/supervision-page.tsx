import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { hasService } from '../../../core/session/session';
import { useSignedInSession } from '../../../core/session/signed-in';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { CannedRepliesSection } from './canned-replies-section';
import { FiguresSection, WEEK_CHOICES } from './figures-section';
import { HELPDESK_DESK_PATH, HELPDESK_DESK_SERVICE } from './paths';
import './desk.css';

/** ?settimane=26 → 26; anything not offered → the default 12. */
export function readWeeks(value: string | null): number {
  const weeks = Number(value);
  return (WEEK_CHOICES as readonly number[]).includes(weeks) ? weeks : 12;
}

/** "Supervisione assistenza": the structure's figures and its canned replies. */
export default function SupervisionPage() {
  const { t } = useTranslation('helpdesk-desk');
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  const weeks = readWeeks(params.get('settimane'));
  usePageTitle(t('supervision.title'));
  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('supervision.title') }]} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-2">
        <h1 className="mb-0">{t('supervision.title')}</h1>
        {hasService(session, HELPDESK_DESK_SERVICE) && (
          <Link to={HELPDESK_DESK_PATH} className="btn btn-outline-primary">
            {t('supervision.toQueue')}
          </Link>
        )}
      </div>
      <p className="lead">{t('supervision.intro', { structure: session.structure?.name ?? '' })}</p>
      <FiguresSection weeks={weeks} onWeeks={(next) => setParams(next === 12 ? {} : { settimane: String(next) }, { replace: true })} />
      <CannedRepliesSection />
    </div>
  );
}
