import type { ReactNode } from 'react';

/** What an empty list says: why it is empty and what to do about it. */
export function EmptyState({ title, hint }: { title: string; hint?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <div className="empty-state-title">{title}</div>
      {hint ? <div className="empty-state-hint">{hint}</div> : null}
    </div>
  );
}
