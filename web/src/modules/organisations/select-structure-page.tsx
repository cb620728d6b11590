import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../core/api/client';
import { usePageTitle } from '../../core/layout/page-title';
import { clearUserData, type SessionStructure, useRefreshSession } from '../../core/session/session';
import { useSignedInSession } from '../../core/session/signed-in';
import { ProblemAlert } from '../../core/ui/problem-alert';

/** "Seleziona Struttura": the structures the user is enabled for (seed 000); the choice prefills every form. */
export function SelectStructurePage() {
  const { t } = useTranslation('organisations');
  const { t: tc } = useTranslation();
  usePageTitle(t('selectStructure.title'));
  const session = useSignedInSession();
  const queryClient = useQueryClient();
  const refreshSession = useRefreshSession();
  const navigate = useNavigate();

  const select = useMutation({
    mutationFn: (structureId: string) => api.post<void>('/api/session/structure', { structureId }),
    onSuccess: async () => {
      clearUserData(queryClient);
      await refreshSession();
      navigate('/');
    },
  });

  const kindLabel = (structure: SessionStructure) => tc(`kind.${structure.kind}`, { defaultValue: structure.kind });

  return (
    <div className="container-xxl py-4 py-lg-5">
      <h1>{t('selectStructure.title')}</h1>
      <p className="lead">{t('selectStructure.intro')}</p>
      <ProblemAlert error={select.error} />
      {session.structures.length === 0 ? (
        <div className="sportello-empty mt-4">
          <p className="mb-0">{t('selectStructure.none')}</p>
        </div>
      ) : (
        <Row tag="ul" className="list-unstyled g-3 mt-2" aria-label={t('selectStructure.list')}>
          {session.structures.map((structure) => {
            const current = session.structure?.id === structure.id;
            return (
              <Col tag="li" key={structure.id} xs={12} md={6} xl={4}>
                <button
                  type="button"
                  className={`sportello-choice${current ? ' sportello-choice-current' : ''}`}
                  onClick={() => select.mutate(structure.id)}
                  disabled={select.isPending}
                  aria-current={current ? 'true' : undefined}
                >
                  <span className="sportello-choice-title">{structure.name}</span>
                  <span className="sportello-choice-meta">
                    {kindLabel(structure)}
                    {' · '}
                    {tc(`role.${structure.role}`)}
                  </span>
                  {current && (
                    <Badge color="primary" className="mt-2">
                      {t('selectStructure.current')}
                    </Badge>
                  )}
                </button>
              </Col>
            );
          })}
        </Row>
      )}
    </div>
  );
}
