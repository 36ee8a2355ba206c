import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

/** Down removes the project's containers; its volumes only when asked here, separately. */
export function DownDialog({ project, open, onDown, onCancel }: { project: string; open: boolean; onDown(removeVolumes: boolean): void; onCancel(): void }) {
  const [removeVolumes, setRemoveVolumes] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      title={`Down ${project}`}
      confirmLabel={removeVolumes ? 'Down and remove volumes' : 'Down'}
      onConfirm={() => {
        onDown(removeVolumes);
        setRemoveVolumes(false);
      }}
      onCancel={() => {
        setRemoveVolumes(false);
        onCancel();
      }}
    >
      <p>Stops and removes every container of {project}.</p>
      <label className="compose-check">
        <input type="checkbox" checked={removeVolumes} onChange={(e) => setRemoveVolumes(e.target.checked)} />
        Also remove its volumes (their data is lost)
      </label>
    </ConfirmDialog>
  );
}
