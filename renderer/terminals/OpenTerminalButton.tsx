import { ActionButton } from '../components/ActionButton.js';
import { useOpenTerminal } from './useOpenTerminal.js';
import './terminals.css';

/** A running container's way into a shell inside it (nothing for a stopped one); what went wrong shows next to it. */
export function OpenTerminalButton({ engine, id, name, running }: { engine: string; id: string; name: string; running: boolean }) {
  const { open, isPending, error } = useOpenTerminal();
  if (!running) return null;
  return (
    <span className="terminal-row-open">
      <ActionButton
        label="›_ Terminal"
        aria-label={`Open terminal in ${name}`}
        title="A shell inside the container (bash, else sh)"
        pending={isPending}
        onClick={() => open({ engine, container: id })}
      />
      {error ? (
        <span className="terminal-launch-error" role="alert">
          {error.message}
        </span>
      ) : null}
    </span>
  );
}
