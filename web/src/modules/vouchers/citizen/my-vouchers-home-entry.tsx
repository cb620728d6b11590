import { Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoading } from '../../../core/ui/page-loading';
import { useMyVoucherCount } from './api';
import { useCitizenVoucherMessages } from './messages';
import { MY_VOUCHERS_PATH } from './paths';

interface MyVouchersHomeEntryProps {
  /** Only in the personal area (no structure) of a person with a codice fiscale. */
  enabled: boolean;
  /** What the home page shows when there is nothing to offer (its empty state). */
  children: ReactNode;
}

/**
 * The citizen's tile "I miei voucher" on the home page, for a person who has vouchers; anyone
 * else keeps the home page's own empty state.
 */
export function MyVouchersHomeEntry({ enabled, children }: MyVouchersHomeEntryProps) {
  const { t } = useTranslation();
  const m = useCitizenVoucherMessages();
  const count = useMyVoucherCount(enabled);
  if (!enabled) return <>{children}</>;
  if (count.isPending) return <PageLoading />;
  if (!count.data || count.data.count === 0) return <>{children}</>;
  return (
    <section aria-labelledby="home-services" className="mt-4">
      <h2 id="home-services" className="visually-hidden">
        {t('home.services')}
      </h2>
      <Row tag="ul" className="list-unstyled g-4">
        <Col tag="li" xs={12} md={6} xl={4}>
          <Card className="sportello-tile h-100" shadow="sm" rounded tag="div">
            <CardBody className="p-4">
              <CardTitle tag="h3" className="h5 mb-2">
                <Link to={MY_VOUCHERS_PATH} className="stretched-link">
                  {m.title}
                </Link>
              </CardTitle>
              <CardText>{m.tileText}</CardText>
            </CardBody>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
