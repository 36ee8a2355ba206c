import { useState } from 'react';
import { Panel } from '../components/Panel.js';
import { formatMs } from '../components/time.js';
import { useTopicState } from '../client/hooks.js';
import type { GatewayEndpoint, GatewayState } from '../../shared/contract/gateway.js';
import { gatewayClientConfig, gatewayClients, type GatewayClient } from '../../shared/gatewayClientConfig.js';
import { replicaOf } from '../../shared/gatewayNames.js';

/** The selected server's gateway endpoint: its URL, client configs to copy, and live figures with its replicas. */
export function GatewayPanel({ server }: { server: string }) {
  const { data } = useTopicState('gateway');
  if (!data?.configured) return null;
  const endpoint = data.endpoints.find((e) => e.name === replicaOf(server.replace(/@.*$/, '')));
  return (
    <Panel title={`Gateway — ${endpoint?.name ?? replicaOf(server)}`} className="mcp-gateway">
      {data.problem ? <p className="mcp-gateway-problem" role="alert">Gateway not listening: {data.problem}</p> : null}
      {!endpoint ? (
        <p className="muted mcp-small">Not exposed: this server has <code>gateway: false</code> in the stack file.</p>
      ) : (
        <Endpoint endpoint={endpoint} state={data} />
      )}
    </Panel>
  );
}

function Endpoint({ endpoint: e, state }: { endpoint: GatewayEndpoint; state: GatewayState }) {
  const [copied, setCopied] = useState('');
  const copy = async (client: GatewayClient | 'token', label: string) => {
    try {
      await navigator.clipboard.writeText(client === 'token' ? (state.token ?? '') : gatewayClientConfig(client, e.name, e.url, state.token ?? ''));
      setCopied(`Copied the ${label}`);
    } catch {
      setCopied('The clipboard refused: copy the URL and token by hand');
    }
    setTimeout(() => setCopied(''), 2_500);
  };
  const errors = Object.entries(e.errors).filter(([, n]) => (n ?? 0) > 0);
  return (
    <>
      <dl className="mcp-facts">
        <dt>URL</dt>
        <dd>
          <code>{e.url}</code>
        </dd>
        <dt>Token</dt>
        <dd>
          {state.tokenGenerated ? 'generated for this run (set gateway.token to keep one)' : 'from the stack file'}{' '}
          <button type="button" className="link-button" onClick={() => void copy('token', 'bearer token')}>
            Copy token
          </button>
        </dd>
        <dt>Mode</dt>
        <dd>
          {e.mode}
          {e.logPayloads ? ' · payloads logged' : ''}
        </dd>
      </dl>
      <div className="mcp-gateway-copy" role="group" aria-label="Copy client config">
        <span className="muted mcp-small">Copy client config:</span>
        {gatewayClients.map((c) => (
          <button key={c.id} type="button" className="action-button" onClick={() => void copy(c.id, `${c.label} config`)}>
            {c.label}
          </button>
        ))}
        <span className="mcp-small" aria-live="polite">
          {copied}
        </span>
      </div>
      <dl className="mcp-gateway-figures">
        <Figure label="Sessions" value={String(e.sessions)} />
        <Figure label="Requests/s" value={e.requestsPerSecond.toFixed(1)} />
        <Figure label="p50" value={formatMs(e.p50Ms)} />
        <Figure label="p95" value={formatMs(e.p95Ms)} />
        <Figure label="Errors (1 min)" value={errors.length ? errors.map(([kind, n]) => `${kind} ${n}`).join(' · ') : 'none'} />
      </dl>
      <h3 className="mcp-subtitle">{e.mode === 'per-session' ? 'Session children' : 'Replicas'}</h3>
      {e.replicas.length === 0 ? (
        <p className="muted mcp-small">No session has a child yet.</p>
      ) : (
        <ul className="mcp-gateway-replicas" aria-label={`Replicas of ${e.name}`}>
          {e.replicas.map((r) => (
            <li key={r.name}>
              <code>{r.name}</code> <span className={r.ready ? 'mcp-summary-ok' : 'mcp-summary-bad'}>{r.ready ? 'ready' : 'not ready'}</span>{' '}
              <span className="muted">
                · {r.sessions} {r.sessions === 1 ? 'session' : 'sessions'} · {r.inFlight} in flight
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="mcp-gateway-figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
