import { Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../core/layout/page-title';
import { useStructureSession } from '../../core/session/signed-in';
import { Breadcrumbs } from '../../core/ui/breadcrumbs';

/** "Gestione Struttura" (seed 000): the entry to "Gestione delle Abilitazioni". */
export function StructureManagementPage() {
  const { t } = useTranslation('organisations');
  usePageTitle(t('management.title'));
  const { structure } = useStructureSession();

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('management.title') }]} />
      <h1>{t('management.title')}</h1>
      <p className="lead">
        {structure.name}. {t('management.intro')}
      </p>
      <Row tag="ul" className="list-unstyled g-4 mt-2">
        <Col tag="li" xs={12} md={6} xl={4}>
          <Card className="sportello-tile h-100" shadow="sm" rounded tag="div">
            <CardBody className="p-4">
              <CardTitle tag="h2" className="h5">
                <Link to="/gestione-struttura/abilitazioni" className="stretched-link">
                  {t('management.enablements')}
                </Link>
              </CardTitle>
              <CardText>{t('management.enablementsText')}</CardText>
            </CardBody>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
