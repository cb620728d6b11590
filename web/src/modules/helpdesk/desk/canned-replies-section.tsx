import { Badge, Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate } from '../../../lib/format';
import { type SupervisedReply, useDeactivateReply, useEditReply, useSupervisedReplies } from './api';
import { CannedReplyDialog } from './canned-reply-dialog';

type Open = { kind: 'new' } | { kind: 'edit'; reply: SupervisedReply } | { kind: 'deactivate'; reply: SupervisedReply } | null;

/** "Disattiva": asked first; the notes already written with the reply stay as they are. */
function DeactivateDialog({ reply, onClose, onDone }: { reply: SupervisedReply; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const { t: tc } = useTranslation();
  const deactivate = useDeactivateReply();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deactivate.mutate(reply.id, { onSuccess: () => onDone(t('replies.deactivated', { title: reply.title })) });
  };
  return (
    <Dialog
      title={t('replies.deactivateTitle')}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <Button type="button" color="primary" outline onClick={onClose}>
            {tc('common.cancel')}
          </Button>
          <Button type="submit" color="danger" disabled={deactivate.isPending}>
            {t('replies.deactivate')}
          </Button>
        </>
      }
    >
      <ProblemAlert error={deactivate.error} className="mb-3" />
      <p className="mb-0">{t('replies.deactivateConfirm', { title: reply.title })}</p>
    </Dialog>
  );
}

/** "Riattiva": no confirmation needed, the reply is offered again. */
function ReactivateButton({ reply, onDone }: { reply: SupervisedReply; onDone: (message: string) => void }) {
  const { t } = useTranslation('helpdesk-desk');
  const edit = useEditReply(reply.id);
  const problem = edit.error ? <ProblemAlert error={edit.error} className="mt-2 mb-0 small" /> : null;
  return (
    <>
      <Button
        type="button"
        size="sm"
        color="primary"
        outline
        disabled={edit.isPending}
        aria-label={t('replies.reactivateLabel', { title: reply.title })}
        onClick={() =>
          edit.mutate(
            { title: reply.title, body: reply.body, suggestedStatus: reply.suggestedStatus, audience: reply.audience, active: true },
            { onSuccess: () => onDone(t('replies.reactivated', { title: reply.title })) },
          )
        }
      >
        {t('replies.reactivate')}
      </Button>
      {problem}
    </>
  );
}

/** "Risposte predefinite": the structure's replies (and the global ones, read-only) — create, edit, deactivate. */
export function CannedRepliesSection() {
  const { t } = useTranslation('helpdesk-desk');
  const replies = useSupervisedReplies();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setOpen(null);
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
  };
  const items = replies.data ?? [];

  return (
    <section aria-labelledby="replies-title" className="mb-5">
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-2">
        <h2 id="replies-title" className="h3 mb-0">
          {t('replies.sectionTitle')}
        </h2>
        <Button
          type="button"
          color="primary"
          onClick={() => {
            setMessage(null);
            setOpen({ kind: 'new' });
          }}
        >
          {t('replies.new')}
        </Button>
      </div>
      <p>{t('replies.intro')}</p>
      <StatusMessage message={message} className="mb-3" />
      <ProblemAlert error={replies.error} />
      {replies.isPending ? (
        <PageLoading />
      ) : items.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('replies.empty')}</p>
        </div>
      ) : (
        <Table responsive className="sportello-table mb-0">
          <caption className="visually-hidden">{t('replies.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('replies.title')}</th>
              <th scope="col">{t('replies.body')}</th>
              <th scope="col">{t('replies.suggestedStatus')}</th>
              <th scope="col">{t('replies.audience')}</th>
              <th scope="col">{t('replies.state')}</th>
              <th scope="col">{t('replies.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((reply) => (
              <tr key={reply.id}>
                <th scope="row" className="fw-semibold">
                  {reply.title}
                  <span className="d-block small fw-normal">
                    {reply.global ? t('replies.global') : t('replies.own')} · {t('replies.updated', { date: formatDate(reply.updatedAt) })}
                  </span>
                </th>
                <td className="helpdesk-note-body small" style={{ minWidth: '16rem' }}>
                  {reply.body}
                </td>
                <td>{reply.suggestedStatus ? t(`status.${reply.suggestedStatus}`) : t('replies.noStatus')}</td>
                <td>{t(`replies.audiences.${reply.audience}`)}</td>
                <td>
                  <Badge color={reply.active ? 'success' : 'secondary'}>{reply.active ? t('replies.active') : t('replies.inactive')}</Badge>
                </td>
                <td>
                  {reply.global ? (
                    <span className="small">{t('replies.readOnly')}</span>
                  ) : (
                    <div className="d-flex flex-wrap gap-2">
                      <Button
                        type="button"
                        size="sm"
                        color="primary"
                        outline
                        aria-label={t('replies.editLabel', { title: reply.title })}
                        onClick={() => {
                          setMessage(null);
                          setOpen({ kind: 'edit', reply });
                        }}
                      >
                        {t('replies.edit')}
                      </Button>
                      {reply.active ? (
                        <Button
                          type="button"
                          size="sm"
                          color="danger"
                          outline
                          aria-label={t('replies.deactivateLabel', { title: reply.title })}
                          onClick={() => {
                            setMessage(null);
                            setOpen({ kind: 'deactivate', reply });
                          }}
                        >
                          {t('replies.deactivate')}
                        </Button>
                      ) : (
                        <ReactivateButton reply={reply} onDone={done} />
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open?.kind === 'new' && <CannedReplyDialog onClose={close} onDone={done} />}
      {open?.kind === 'edit' && <CannedReplyDialog reply={open.reply} onClose={close} onDone={done} />}
      {open?.kind === 'deactivate' && <DeactivateDialog reply={open.reply} onClose={close} onDone={done} />}
    </section>
  );
}
