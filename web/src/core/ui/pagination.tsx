import { Icon, Pager, PagerItem, PagerLink } from 'design-react-kit';
import { pageWindow } from '../../lib/page-window';

interface PaginationProps {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** Names the navigation landmark, e.g. "Paginazione dei dipendenti". */
  label: string;
  /** "Pagina X di Y" */
  summary: string;
  previousLabel: string;
  nextLabel: string;
  pageLabel: (page: number) => string;
}

/** Bootstrap Italia's pager with buttons (the page lives in the URL of the calling page). */
export function Pagination({ page, pages, onPage, label, summary, previousLabel, nextLabel, pageLabel }: PaginationProps) {
  return (
    <div className="d-flex flex-column flex-md-row align-items-md-center justify-content-between gap-2 mt-3">
      <p className="mb-0" aria-live="polite">
        {summary}
      </p>
      {pages > 1 && (
        <Pager aria-label={label} className="mb-0">
          <PagerItem disabled={page <= 1}>
            <PagerLink type="button" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={previousLabel}>
              <Icon icon="it-chevron-left" aria-hidden="true" />
            </PagerLink>
          </PagerItem>
          {pageWindow(page, pages).map((p, i) =>
            p === null ? (
              <PagerItem key={`gap-${i}`} disabled className="d-none d-sm-block">
                <span className="page-link" aria-hidden="true">
                  …
                </span>
              </PagerItem>
            ) : (
              <PagerItem key={p} active={p === page} className={p === page ? undefined : 'd-none d-sm-block'}>
                <PagerLink type="button" onClick={() => onPage(p)} aria-label={pageLabel(p)} aria-current={p === page ? 'page' : undefined}>
                  {p}
                </PagerLink>
              </PagerItem>
            ),
          )}
          <PagerItem disabled={page >= pages}>
            <PagerLink type="button" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label={nextLabel}>
              <Icon icon="it-chevron-right" aria-hidden="true" />
            </PagerLink>
          </PagerItem>
        </Pager>
      )}
    </div>
  );
}
