import type { ButtonHTMLAttributes } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  pending?: boolean;
  tone?: 'default' | 'danger' | 'primary';
}

/** A row action: its accessible name is its label, and it says when it is working. */
export function ActionButton({ label, pending, tone = 'default', disabled, ...rest }: Props) {
  return (
    <button
      type="button"
      className={`action-button action-${tone}${pending ? ' is-pending' : ''}`}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {label}
    </button>
  );
}
