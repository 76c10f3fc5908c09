import { ReactNode, useEffect } from 'react';

export const APP_NAME = 'SRO Engine';

/** The document title of a page (WCAG 2.4.2): "<page> – SRO Engine". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/** A page's heading and document title together, so that no page forgets either. */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const text = title ?? (typeof children === 'string' ? children : '');
  usePageTitle(text);
  return <h1 tabIndex={-1}>{children}</h1>;
}
