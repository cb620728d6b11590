import { Card, CardBody, CardText, CardTitle, Col } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MY_REQUESTS_PATH } from './paths';

/** The tile "Le mie richieste di assistenza" in a person's personal area (a list item of the home page). */
export function MyRequestsTile() {
  const { t } = useTranslation('helpdesk-citizen');
  return (
    <Col tag="li" xs={12} md={6} xl={4}>
      <Card className="sportello-tile h-100" shadow="sm" rounded tag="div">
        <CardBody className="p-4">
          <CardTitle tag="h3" className="h5 mb-2">
            <Link to={MY_REQUESTS_PATH} className="stretched-link">
              {t('myRequests.title')}
            </Link>
          </CardTitle>
          <CardText>{t('myRequests.tileText')}</CardText>
        </CardBody>
      </Card>
    </Col>
  );
}
