import type { AlertRuleView } from '../../shared/contract/alerts.js';
import { StatusPill } from '../components/StatusPill.js';
import { formatDuration } from '../components/time.js';
import { severityTone } from './alertVerdict.js';

/** Every rule in effect, built-in ones included, and the built-ins the stack file turned off. */
export function AlertRulesTable({ rules }: { rules: AlertRuleView[] }) {
  return (
    <div className="alert-rules-scroll">
      <table className="alert-rules">
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Watches</th>
            <th scope="col">When</th>
            <th scope="col">For</th>
            <th scope="col">Severity</th>
            <th scope="col">Notify</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.name} className={rule.on ? undefined : 'alert-rule-off'}>
              <th scope="row">
                {rule.name}
                {rule.builtIn ? <span className="alert-tag">built-in</span> : null}
                {rule.on ? null : <span className="alert-tag">off</span>}
              </th>
              <td>{rule.watches}</td>
              <td>
                <code>{rule.when}</code>
              </td>
              <td>{rule.forMs > 0 ? formatDuration(rule.forMs) : 'at once'}</td>
              <td>
                <StatusPill tone={severityTone(rule.severity)}>{rule.severity}</StatusPill>
              </td>
              <td>{rule.on ? rule.notify.join(', ') || '—' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
