import { Card, CardBody, CardText, CardTitle, Col } from 'design-react-kit';
import { Link } from 'react-router-dom';
import { useMyVoucherCount } from './api';
import { useCitizenVoucherMessages } from './messages';
import { MY_VOUCHERS_PATH } from './paths';

/**
 * The citizen's tile "I miei voucher" in his personal area (a list item of the home page's tiles),
 * only for a person who has vouchers.
 */
export function MyVouchersTile({ enabled }: { enabled: boolean }) {
  const m = useCitizenVoucherMessages();
  const count = useMyVoucherCount(enabled);
  if (!enabled || !count.data || count.data.count === 0) return null;
  return (
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
  );
}
