import { Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Note, RequestDetail } from './api';

type NoteKind = 'citizen' | 'public' | 'private' | 'regional';

/** The citizen's own messages have audience 'citizen' too: told apart by their author. */
export function noteKind(note: Pick<Note, 'audience' | 'authorKind'>): NoteKind {
  if (note.audience === 'internal') return 'private';
  if (note.audience === 'regional_desk') return 'regional';
  return note.authorKind === 'citizen' ? 'citizen' : 'public';
}

const ICON: Record<NoteKind, string> = { citizen: 'it-user', public: 'it-mail', private: 'it-locked', regional: 'it-pa' };

/**
 * "Note e messaggi": the whole thread, oldest first. Each note says who it was for, in words and
 * with an icon and an outline of its own (grey for public notes, as in the manual).
 */
export function NotesThread({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('helpdesk-desk');
  return (
    <section aria-labelledby="request-notes" className="mb-5">
      <h2 id="request-notes" className="h3">
        {t('notes.title')}
      </h2>
      {request.notes.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('notes.empty')}</p>
        </div>
      ) : (
        <ol className="list-unstyled mb-0">
          {request.notes.map((note) => {
            const kind = noteKind(note);
            const author =
              note.authorKind === 'citizen'
                ? t('notes.byCitizen')
                : note.authorKind === 'system'
                  ? t('notes.bySystem')
                  : [note.authorName, note.authorStructureName].filter(Boolean).join(' – ') || t('notes.byOperator');
            return (
              <li key={note.id} className={`helpdesk-note helpdesk-note-${kind}`}>
                <article aria-label={t('notes.label', { audience: t(`notes.audience.${kind}`), author, at: formatDateTime(note.createdAt) })}>
                  <div className="d-flex flex-column flex-md-row justify-content-between gap-1 mb-2">
                    <span className="helpdesk-note-audience">
                      <Icon icon={ICON[kind]} size="sm" aria-hidden="true" />
                      {t(`notes.audience.${kind}`)}
                    </span>
                    <span className="small">
                      {author} · <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                    </span>
                  </div>
                  <p className="helpdesk-note-body mb-0">{note.body}</p>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
