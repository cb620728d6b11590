import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { usePlatformNow } from '../session/platform-clock';
import type { Session } from '../session/session';

/** The administrators' tool that moves the date; its tile comes with the session (demo only). */
const CLOCK_SERVICE = 'data-simulata';

/**
 * "Data simulata: …" under the header of every page while the demo's date is not the real one,
 * so nobody mistakes it for today. A named region (not a live one: the time runs on, and a
 * change is announced by the page that made it); "Cambia" leads administrators to the clock.
 */
export function SimulatedDateBanner({ session, receivedAt }: { session: Session | undefined; receivedAt: number }) {
  const { t } = useTranslation();
  const clock = session?.clock;
  const now = usePlatformNow(clock?.simulated ? clock.now : undefined, receivedAt);
  if (!session || !clock?.simulated || !now) return null;
  const clockPage = session.services.find((s) => s.code === CLOCK_SERVICE);
  return (
    <section className="sportello-clock-banner" aria-label={t('clockBanner.label')}>
      <div className="container-xxl d-flex align-items-start gap-2 py-2">
        <Icon icon="it-clock" size="sm" className="sportello-clock-banner-icon" aria-hidden="true" />
        <p className="mb-0">
          <strong>{t('clockBanner.title', { when: formatDateTime(now) })}</strong> {t('clockBanner.text')}
          {clockPage && (
            <>
              {' '}
              <Link to={clockPage.path} className="sportello-clock-banner-link">
                {t('clockBanner.change')}
                <span className="visually-hidden"> {t('clockBanner.changeHidden')}</span>
              </Link>
            </>
          )}
        </p>
      </div>
    </section>
  );
}
