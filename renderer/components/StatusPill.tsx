import type { ReactNode } from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'idle' | 'busy';

/** What a pill says about something: its colour and its word, decided together by the screen that owns it. */
export interface Verdict {
  tone: Tone;
  label: string;
}

/** A state at a glance: colour and word together, never colour alone. */
export function StatusPill({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`pill pill-${tone}`} title={title}>
      <span className="pill-dot" aria-hidden="true" />
      {children}
    </span>
  );
}
