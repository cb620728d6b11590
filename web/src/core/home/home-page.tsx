import { Badge, Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../layout/page-title';
import type { SessionService } from '../session/session';
import { useSignedInSession } from '../session/signed-in';
import { MyRequestsTile } from '../../modules/helpdesk/citizen';
import { MyVouchersTile } from '../../modules/vouchers/citizen';

/** Home: one tile per service of the current structure (seed 000 "Homepage"). */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const title = session.structure?.name ?? t('home.personalArea');
  usePageTitle(title);

  return (
    <div className="container-xxl py-4 py-lg-5">
      <h1>{title}</h1>
      {session.structure && (
        <p className="lead">{t('home.structureKind', { kind: t(`kind.${session.structure.kind}`, { defaultValue: session.structure.kind }) })}</p>
      )}
      {!session.structure ? (
        // A person's personal area: his vouchers, if he has any, and his help-desk requests.
        <section aria-labelledby="home-services" className="mt-4">
          <h2 id="home-services" className="visually-hidden">
            {t('home.services')}
          </h2>
          <Row tag="ul" className="list-unstyled g-4">
            <MyVouchersTile enabled={session.user.fiscalCode !== null} />
            <MyRequestsTile />
          </Row>
        </section>
      ) : session.services.length === 0 ? (
        <div className="sportello-empty mt-4">
          <p className="mb-0">{t('home.noServices')}</p>
        </div>
      ) : (
        <section aria-labelledby="home-services" className="mt-4">
          <h2 id="home-services" className="visually-hidden">
            {t('home.services')}
          </h2>
          <Row tag="ul" className="list-unstyled g-4">
            {session.services.map((service) => (
              <Col tag="li" key={service.code} xs={12} md={6} xl={4}>
                <ServiceTile service={service} />
              </Col>
            ))}
          </Row>
        </section>
      )}
    </div>
  );
}

function ServiceTile({ service }: { service: SessionService }) {
  const { t } = useTranslation();
  return (
    <Card className={`sportello-tile h-100${service.available ? '' : ' sportello-tile-off'}`} shadow="sm" rounded tag="div">
      <CardBody className="p-4">
        <CardTitle tag="h3" className="h5 mb-2">
          {service.available ? (
            <Link to={service.path} className="stretched-link">
              {service.name}
            </Link>
          ) : (
            service.name
          )}
        </CardTitle>
        {!service.available && (
          <Badge color="secondary" className="mb-2">
            {t('home.comingSoon')}
          </Badge>
        )}
        <CardText>{service.description}</CardText>
      </CardBody>
    </Card>
  );
}
