import { Panel } from '../components/Panel.js';
import { formatDuration, formatMs } from '../components/time.js';
import type { McpServerState, SelfcheckResult } from '../../shared/contract/mcp.js';
import { McpToolsPanel } from './McpToolsPanel.js';

/** Everything about one server: how it is launched, what it reported, its last stderr lines and its tools. */
export function McpServerDetails({ server: s, pingMs, selfcheck }: { server: McpServerState; pingMs: number | undefined; selfcheck: SelfcheckResult | undefined }) {
  const envKeys = Object.keys(s.env);
  return (
    <div className="mcp-details">
      <Panel title={`${s.name} — details`}>
        <dl className="mcp-facts">
          <dt>Command</dt>
          <dd>
            <code>{[s.command, ...s.args].join(' ')}</code>
          </dd>
          <dt>Server</dt>
          <dd>{s.server ? `${s.server.name} ${s.server.version} · protocol ${s.server.protocolVersion}` : '—'}</dd>
          <dt>Process</dt>
          <dd>{s.pid ? `pid ${s.pid}` : s.exitCode !== undefined || s.exitSignal ? `exited (${s.exitSignal ?? `code ${s.exitCode}`})` : 'not running'}</dd>
          <dt>Restart</dt>
          <dd>
            {s.restartPolicy} · {s.failures} recent {s.failures === 1 ? 'failure' : 'failures'}
          </dd>
          <dt>Last ping</dt>
          <dd>{formatMs(pingMs)}</dd>
          <dt>Env</dt>
          <dd>
            {envKeys.length === 0 ? (
              <span className="muted">none set</span>
            ) : (
              <ul className="mcp-env">
                {envKeys.map((key) => (
                  <li key={key}>
                    <code>
                      {key}={s.env[key]}
                    </code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {selfcheck ? <SelfcheckOutput result={selfcheck} /> : null}
        <h3 className="mcp-subtitle">Last stderr lines</h3>
        {s.stderrTail.length ? (
          <pre className="mcp-stderr" aria-label={`Last stderr lines of ${s.name}`}>
            {s.stderrTail.join('\n')}
          </pre>
        ) : (
          <p className="muted mcp-small">Nothing on stderr yet.</p>
        )}
      </Panel>
      <McpToolsPanel server={s} />
    </div>
  );
}

function SelfcheckOutput({ result }: { result: SelfcheckResult }) {
  const verdict = result.timedOut ? 'timed out' : result.ok ? 'passed' : 'failed';
  return (
    <section className={`mcp-selfcheck ${result.ok ? 'is-ok' : 'is-bad'}`} aria-label="Selfcheck result">
      <h3 className="mcp-subtitle">
        Selfcheck {verdict} · exit {result.signal ?? result.exitCode ?? '—'} · {formatDuration(result.durationMs)}{' '}
        <span className="muted">({Math.round(result.durationMs)} ms)</span>
      </h3>
      <code className="mcp-small">{result.commandLine}</code>
      <pre className="mcp-stderr">{result.output.trim() || '(no output)'}</pre>
    </section>
  );
}
