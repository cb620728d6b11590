import { Breadcrumb, BreadcrumbItem } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  to?: string;
}

/** Home / … / current page, as Bootstrap Italia draws it. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  const all: Crumb[] = [{ label: t('common.home'), to: '/' }, ...items];
  return (
    <Breadcrumb aria-label={t('common.breadcrumb')} className="mb-3">
      {all.map((crumb, index) => {
        const last = index === all.length - 1;
        return (
          <BreadcrumbItem key={crumb.label} active={last} aria-current={last ? 'page' : undefined}>
            {crumb.to && !last ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
            {!last && <span className="separator">/</span>}
          </BreadcrumbItem>
        );
      })}
    </Breadcrumb>
  );
}
