import { useEffect } from 'react';

/** Sets the document title, so that tabs, history and screen readers say which page this is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'Examforge' : `${title} · Examforge`;
  }, [title]);
}
