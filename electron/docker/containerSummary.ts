import type Docker from 'dockerode';
import type { ContainerHealth, ContainerState, ContainerSummary } from '../../shared/contract/containers.js';
import { projectLabel, serviceLabel } from './containerSelection.js';

/** One container as the screen shows it, from `docker inspect` (the list endpoint lacks health output, restart count and policy). */
export function summaryFromInspect(engine: string, info: Docker.ContainerInspectInfo): ContainerSummary {
  const state = info.State;
  const labels = info.Config?.Labels ?? {};
  const health = (state.Health?.Status as ContainerHealth | undefined) ?? 'none';
  const lastCheck = state.Health?.Log?.at(-1);
  const startedAt = parseTime(state.StartedAt);
  const finishedAt = parseTime(state.FinishedAt);
  const status = (state.Status as ContainerState | undefined) ?? 'created';
  const summary: ContainerSummary = {
    engine,
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config?.Image ?? info.Image,
    state: status,
    status: statusText(status, state.ExitCode, health),
    health,
    restartCount: info.RestartCount ?? 0,
    restartPolicy: restartPolicyText(info.HostConfig?.RestartPolicy),
    ports: portsText(info),
    labels,
    tty: info.Config?.Tty ?? false,
  };
  if (info.Image) summary.imageId = info.Image;
  if (lastCheck) summary.healthOutput = lastCheck.Output.trim().slice(0, 2000);
  if (status === 'exited' || status === 'dead') summary.exitCode = state.ExitCode;
  if (startedAt) summary.startedAt = startedAt;
  if (finishedAt) summary.finishedAt = finishedAt;
  if (state.OOMKilled) summary.oomKilled = true;
  if (labels[projectLabel]) summary.project = labels[projectLabel];
  if (labels[serviceLabel]) summary.service = labels[serviceLabel];
  if (info.HostConfig?.NetworkMode) summary.networkMode = info.HostConfig.NetworkMode;
  return summary;
}

function statusText(state: ContainerState, exitCode: number, health: ContainerHealth): string {
  const h = health === 'none' ? '' : ` (${health})`;
  switch (state) {
    case 'running':
      return `Up${h}`;
    case 'exited':
      return `Exited (${exitCode})`;
    case 'paused':
      return `Up (Paused)`;
    case 'restarting':
      return `Restarting (${exitCode})`;
    default:
      return state[0]!.toUpperCase() + state.slice(1);
  }
}

/** Docker writes "0001-01-01T00:00:00Z" for never. */
function parseTime(value: string | undefined): number | undefined {
  if (!value || value.startsWith('0001-')) return undefined;
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

export function restartPolicyText(policy: { Name?: string; MaximumRetryCount?: number } | undefined): string {
  const name = policy?.Name || 'no';
  return name === 'on-failure' && policy?.MaximumRetryCount ? `on-failure:${policy.MaximumRetryCount}` : name;
}

/** "127.0.0.1:8080->80/tcp" for published ports; for host networking, the exposed ports as "8080/tcp". */
function portsText(info: Docker.ContainerInspectInfo): string[] {
  const out: string[] = [];
  const published = info.NetworkSettings?.Ports ?? {};
  for (const [port, bindings] of Object.entries(published)) {
    if (!bindings || bindings.length === 0) continue;
    for (const b of bindings) out.push(`${b.HostIp || '0.0.0.0'}:${b.HostPort}->${port}`);
  }
  if (out.length === 0) {
    for (const port of Object.keys(info.Config?.ExposedPorts ?? {})) out.push(port);
  }
  return [...new Set(out)];
}
