import type { ReactNode } from 'react';

export function ErrorBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="error-banner" role="alert">
      <strong>{title}</strong>
      {children ? <div className="error-banner-detail">{children}</div> : null}
    </div>
  );
}
