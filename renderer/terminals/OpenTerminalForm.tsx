import { useState } from 'react';
import { useTopicState } from '../client/hooks.js';
import { ServiceShellButtons } from './ServiceShellButtons.js';
import { useOpenTerminal } from './useOpenTerminal.js';
import { ActionButton } from '../components/ActionButton.js';

/** Picks a running container and opens a shell (bash, else sh, or the one typed) as an optional user and folder. */
export function OpenTerminalForm() {
  const { data } = useTopicState('containers');
  const { open, isPending, error } = useOpenTerminal();
  const running = (data?.engines ?? []).flatMap((e) => e.containers.filter((c) => c.state === 'running').map((c) => ({ engine: e.name, name: c.name, key: `${e.name}/${c.name}` })));
  const [picked, setPicked] = useState('');
  const [shell, setShell] = useState('');
  const [user, setUser] = useState('');
  const [workdir, setWorkdir] = useState('');
  const target = running.find((c) => c.key === picked) ?? running[0];
  return (
    <form
      className="terminal-open"
      aria-label="Open a terminal"
      onSubmit={(e) => {
        e.preventDefault();
        if (!target) return;
        open({ engine: target.engine, container: target.name, ...(shell.trim() ? { shell: shell.trim() } : {}), ...(user.trim() ? { user: user.trim() } : {}), ...(workdir.trim() ? { workdir: workdir.trim() } : {}) });
      }}
    >
      <label>
        Container
        <select value={target?.key ?? ''} onChange={(e) => setPicked(e.target.value)} disabled={running.length === 0}>
          {running.length === 0 ? <option value="">no running container</option> : null}
          {running.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
              {data && data.engines.length > 1 ? ` (${c.engine})` : ''}
            </option>
          ))}
        </select>
      </label>
      <details className="terminal-open-more">
        <summary>Shell, user, folder</summary>
        <label>
          Shell
          <input value={shell} onChange={(e) => setShell(e.target.value)} placeholder="bash, else sh" />
        </label>
        <label>
          User
          <input value={user} onChange={(e) => setUser(e.target.value)} placeholder="the container's" />
        </label>
        <label>
          Folder
          <input value={workdir} onChange={(e) => setWorkdir(e.target.value)} placeholder="the container's" />
        </label>
        <ActionButton label="Open with these" type="submit" disabled={!target} pending={isPending} />
      </details>
      {target ? <ServiceShellButtons key={target.key} engine={target.engine} container={target.name} running /> : null}
      {error ? (
        <div className="terminal-launch-error" role="alert">
          {error.message}
        </div>
      ) : null}
    </form>
  );
}
