import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { type UserNotification, useMarkAllRead, useMarkRead, useNotifications, useNotificationStream } from './api';
import './notification-bell.css';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className="sportello-bell-icon">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

const isAppPath = (link: string) => link.startsWith('/') && !link.startsWith('//');

/**
 * The bell in the top bar (SPEC §1.4, real-time notifications to every actor): the unread count in
 * its name ("Notifiche, 2 non lette"), a disclosure panel with the latest notifications, each
 * markable as read, and "Segna tutte come lette". New ones arrive live and are announced politely.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const panelId = useId();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  useNotificationStream(
    true,
    useCallback((n: UserNotification) => setAnnouncement(t('notifications.announce', { title: n.title })), [t]),
  );

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  // Esc closes and gives focus back to the bell; a click elsewhere closes.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const follow = (n: UserNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
  };

  return (
    <div ref={wrapper} className="sportello-bell">
      <button
        ref={button}
        type="button"
        className="sportello-slim-action sportello-bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="sportello-bell-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
        <span className="visually-hidden">{t('notifications.bell', { count: unread })}</span>
      </button>
      <div id={panelId} className="sportello-bell-panel" role="region" aria-labelledby={titleId} hidden={!open}>
        <div className="sportello-bell-panel-header">
          <h2 id={titleId} className="sportello-bell-title">
            {t('notifications.title')}
          </h2>
          {unread > 0 && (
            <button type="button" className="btn btn-link btn-sm p-0" onClick={() => markAllRead.mutate()} disabled={markAllRead.isPending}>
              {t('notifications.markAllRead')}
            </button>
          )}
        </div>
        {list.isError && <p className="sportello-bell-empty">{t('notifications.loadError')}</p>}
        {!list.isError && items.length === 0 && <p className="sportello-bell-empty">{list.isPending ? t('common.loading') : t('notifications.empty')}</p>}
        {items.length > 0 && (
          <ul className="sportello-bell-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'sportello-bell-item' : 'sportello-bell-item sportello-bell-unread'}>
                <p className="sportello-bell-item-title">
                  {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}: </span>}
                  {n.link ? (
                    isAppPath(n.link) ? (
                      <Link to={n.link} onClick={() => follow(n)}>
                        {n.title}
                      </Link>
                    ) : (
                      <a href={n.link} target="_blank" rel="noopener noreferrer" onClick={() => follow(n)}>
                        {n.title}
                        <span className="visually-hidden"> {t('notifications.newTab')}</span>
                      </a>
                    )
                  ) : (
                    n.title
                  )}
                </p>
                {n.body && <p className="sportello-bell-item-body">{n.body}</p>}
                <p className="sportello-bell-item-meta">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  {!n.readAt && (
                    <button
                      type="button"
                      className="btn btn-link btn-sm p-0"
                      aria-label={`${t('notifications.markRead')}: ${n.title}`}
                      onClick={() => markRead.mutate(n.id)}
                    >
                      {t('notifications.markRead')}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
