import { useEffect, useState } from 'react';
import { ActionButton } from '../components/ActionButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Panel } from '../components/Panel.js';
import { useCommand } from '../client/hooks.js';

const hidden = '••••••••';

/** Where Prometheus scrapes this Switchboard and with which token, with a scrape config to paste. */
export function PrometheusTab() {
  const endpoint = useCommand('prometheus.endpoint');
  const [revealed, setRevealed] = useState(false);
  const { mutate } = endpoint;
  useEffect(() => mutate({}), [mutate]);
  const info = endpoint.data;
  if (endpoint.error) return <ErrorBanner title="The metrics endpoint could not be read">{endpoint.error.message}</ErrorBanner>;
  if (!info) return <EmptyState title="Loading the metrics endpoint…" />;
  // Browser mode serves /metrics on the page's own address; the desktop app on its own port.
  const url = info.url ?? `${location.origin}${info.path}`;
  const target = new URL(url);
  const token = revealed ? info.token : hidden;
  const scrapeConfig = [
    'scrape_configs:',
    '  - job_name: switchboard',
    ...(target.pathname === '/metrics' ? [] : [`    metrics_path: ${target.pathname}`]),
    ...(target.protocol === 'https:' ? ['    scheme: https'] : []),
    `    authorization: { type: Bearer, credentials: "${revealed ? info.token : '<token>'}" }`,
    `    static_configs: [{ targets: ["${target.host}"] }]`,
  ].join('\n');
  return (
    <div className="dashboards-prometheus">
      <Panel
        title="Prometheus export"
        actions={<ActionButton label={revealed ? 'Hide token' : 'Show token'} aria-pressed={revealed} onClick={() => setRevealed(!revealed)} />}
      >
        {info.problem ? <ErrorBanner title="/metrics is not served">{info.problem}</ErrorBanner> : null}
        <dl className="dashboards-facts">
          <div>
            <dt>Address</dt>
            <dd><code>{url}</code></dd>
          </div>
          <div>
            <dt>Bearer token</dt>
            {/* Hidden, a screen reader says so rather than reading out eight bullets. */}
            <dd {...(revealed ? {} : { 'aria-label': 'hidden' })}>
              <code>{token}</code>
            </dd>
          </div>
          <div>
            <dt>Token from</dt>
            <dd>{info.tokenFrom}</dd>
          </div>
        </dl>
        {info.tokenFrom === 'generated for this run' ? (
          <p className="muted">This token changes at every start: set <code>metrics.token</code> in the stack file for a scrape config that lasts.</p>
        ) : null}
      </Panel>
      <Panel title="Scrape config">
        <figure className="dashboards-scrape-config" aria-label="prometheus.yml">
          <pre>{scrapeConfig}</pre>
        </figure>
        <p className="muted">Metric names and labels are listed in the README, section “Prometheus”.</p>
      </Panel>
    </div>
  );
}
