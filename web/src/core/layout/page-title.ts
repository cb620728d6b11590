import { useEffect } from 'react';

/** Sets the document title for the page: "<page> - Sportello". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} - Sportello` : 'Sportello';
  }, [title]);
}
