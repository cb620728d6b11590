import { Button, Icon, Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';

const PERIODS = ['q1', 'q2', 'q3'] as const;

/**
 * "Cliccando sul simbolo è possibile visualizzare la legenda dei periodi" (seed 000 §09): the three
 * quadrimestri and the decree's rule on when a claim may be filed and withdrawn.
 */
export function PeriodsLegend() {
  const { t } = useTranslation('claims-merchant');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="button" color="primary" outline size="sm" className="btn-icon" onClick={() => setOpen(true)}>
        <Icon icon="it-info-circle" size="sm" color="primary" aria-hidden="true" className="me-1" />
        {t('legend.open')}
      </Button>
      {open && (
        <Dialog
          title={t('legend.title')}
          onClose={() => setOpen(false)}
          footer={
            <Button type="button" color="primary" onClick={() => setOpen(false)}>
              {tc('common.close')}
            </Button>
          }
        >
          <p>{t('legend.intro')}</p>
          <Table className="sportello-table mb-3">
            <caption className="visually-hidden">{t('legend.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('legend.period')}</th>
                <th scope="col">{t('legend.months')}</th>
              </tr>
            </thead>
            <tbody>
              {PERIODS.map((period) => (
                <tr key={period}>
                  <th scope="row" className="fw-normal">
                    {t(`legend.periods.${period}.label`)}
                  </th>
                  <td>{t(`legend.periods.${period}.months`)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mb-0 fw-semibold">{t('legend.note')}</p>
        </Dialog>
      )}
    </>
  );
}
