import type Docker from 'dockerode';
import type { ContainerDetails, ContainerHealth } from '../../shared/contract/containers.js';
import { restartPolicyText } from './containerSummary.js';
import { SecretMasker } from '../base/secrets/secretMasker.js';

/** `docker inspect` as shown: env values, command and health output masked by the container's own secrets until the operator reveals one. */
export function detailsFromInspect(engine: string, info: Docker.ContainerInspectInfo): ContainerDetails {
  const entries = (info.Config?.Env ?? []).map((entry) => {
    const eq = entry.indexOf('=');
    return eq === -1 ? { key: entry, value: '' } : { key: entry.slice(0, eq), value: entry.slice(eq + 1) };
  });
  const masker = new SecretMasker().withEnv(Object.fromEntries(entries.map(({ key, value }) => [key, value])));
  const env = entries.map(({ key, value }) => {
    const shown = masker.maskEnvValue(key, value);
    return { key, value: shown, masked: shown !== value };
  });
  const ports: string[] = [];
  for (const [port, bindings] of Object.entries(info.NetworkSettings?.Ports ?? {})) {
    if (!bindings?.length) ports.push(port);
    else for (const b of bindings) ports.push(`${b.HostIp || '0.0.0.0'}:${b.HostPort}->${port}`);
  }
  for (const port of Object.keys(info.Config?.ExposedPorts ?? {})) if (!ports.some((p) => p.endsWith(port))) ports.push(port);
  const details: ContainerDetails = {
    engine,
    id: info.Id,
    name: info.Name.replace(/^\//, ''),
    image: info.Config?.Image ?? info.Image,
    created: Date.parse(info.Created),
    command: masker.maskArgs([info.Path, ...(info.Args ?? [])]).join(' '),
    env,
    mounts: (info.Mounts ?? []).map((m) => ({
      type: m.Type,
      source: m.Source,
      destination: m.Destination,
      mode: m.Mode ?? '',
      readOnly: !m.RW,
    })),
    ports,
    labels: info.Config?.Labels ?? {},
    restartPolicy: restartPolicyText(info.HostConfig?.RestartPolicy),
    networkMode: info.HostConfig?.NetworkMode ?? '',
  };
  const health = info.State.Health;
  if (health) {
    details.health = {
      status: (health.Status as ContainerHealth) ?? 'none',
      failingStreak: health.FailingStreak ?? 0,
      log: (health.Log ?? []).map((l) => ({
        start: Date.parse(l.Start),
        end: Date.parse(l.End),
        exitCode: l.ExitCode,
        output: masker.mask(l.Output.slice(0, 4000)),
      })),
    };
  }
  return details;
}

/** The real value of one env key, for an explicit reveal. */
export function envValue(info: Docker.ContainerInspectInfo, key: string): string | undefined {
  const entry = (info.Config?.Env ?? []).find((e) => e === key || e.startsWith(`${key}=`));
  if (entry === undefined) return undefined;
  const eq = entry.indexOf('=');
  return eq === -1 ? '' : entry.slice(eq + 1);
}
