import { useEffect } from 'react';
import { useCommand } from '../client/hooks.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

interface Props {
  project: string;
  /** Only these services; all of the project when empty. */
  services: string[];
  open: boolean;
  onUp(): void;
  onCancel(): void;
}

/** Before Up: the resolved config (variables substituted, profiles applied), as the compose tool prints it. */
export function UpDialog({ project, services, open, onUp, onCancel }: Props) {
  const config = useCommand('compose.config');
  const { mutate } = config;
  useEffect(() => {
    if (open) mutate({ project });
  }, [open, project, mutate]);
  const what = services.length ? services.join(', ') : `project ${project}`;
  return (
    <ConfirmDialog open={open} title={`Up ${what}`} confirmLabel="Up" tone="primary" onConfirm={onUp} onCancel={onCancel}>
      <p>Compose creates what is missing and recreates what changed. The resolved config:</p>
      {config.error ? (
        <div className="compose-error" role="alert">
          {config.error.message}
        </div>
      ) : (
        <pre className="compose-config" aria-label="resolved config" tabIndex={0}>
          {config.data ? config.data.yaml : 'reading the config…'}
        </pre>
      )}
      {config.data ? <p className="compose-muted">{config.data.commandLine}</p> : null}
    </ConfirmDialog>
  );
}
