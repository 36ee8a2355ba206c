import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackText } from '../../../electron/config/loadStackFile.js';
import { yaml } from '../config/stackFolder.js';

const file = '/stacks/stack.yaml';

async function problems(text: string): Promise<string[]> {
  const load = await loadStackText(text, file, { env: {} });
  if (load.ok) throw new Error(`expected problems, got ${JSON.stringify(load.config.alerts)}`);
  return load.problems.map(describeProblem);
}

describe('alerts: in the stack file', () => {
  it('loads the issue’s example with durations, defaults and webhooks', async () => {
    const load = await loadStackText(
      yaml`
        alerts:
          backend-slow:   { probe: backend-health, when: p95 > 100ms, for: 2m, severity: warning }
          cache-cold:     { cache: backend, when: hitRate < 80%, for: 10m }
          api-restarts:   { container: "sutazai-*", when: restarts > 3 in 10m, severity: critical }
          pg-wrapper:     { mcp: postgres, when: "state in [crash-loop, exited]", notify: [desktop, webhook:ops] }
          probe-down:     { off: true }
        notify:
          webhooks: { ops: { url: "\${OPS_WEBHOOK}", format: slack } }
      `,
      file,
      { env: {} },
    );
    if (!load.ok) throw new Error(load.problems.map(describeProblem).join('\n'));
    expect(load.config.alerts['backend-slow']).toEqual({ probe: 'backend-health', when: 'p95 > 100ms', for: 120_000, severity: 'warning' });
    expect(load.config.alerts['cache-cold']).toMatchObject({ for: 600_000, severity: 'warning' });
    expect(load.config.alerts['probe-down']).toEqual({ off: true, for: 0, severity: 'warning' });
    expect(load.config.notify).toEqual({
      default: ['desktop'],
      webhooks: { ops: { url: '${OPS_WEBHOOK}', format: 'slack', timeout: 5000, retries: 3, backoff: 1000, queue: 100 } },
    });
  });

  it('has no alerts section and desktop notifications by default', async () => {
    const load = await loadStackText('name: s\n', file, { env: {} });
    expect(load.ok && load.config.alerts).toEqual({});
    expect(load.ok && load.config.notify).toEqual({ default: ['desktop'], webhooks: {} });
  });

  it('places a bad condition at its when: with the parser’s message', async () => {
    expect(await problems(yaml`
      alerts:
        slow:
          probe: backend-health
          when: p96 > 100ms
    `)).toEqual([`${file}:4:5 alerts.slow.when: a probe has no "p96": did you mean "p95"?`]);
  });

  it('suggests the key meant for an unknown one', async () => {
    expect(await problems(yaml`
      alerts:
        slow: { probe: backend-health, when: p95 > 1ms, sevrity: critical }
    `)).toEqual([`${file}:2:51 alerts.slow.sevrity: unknown key "sevrity": did you mean "severity"?`]);
  });

  it('asks for a selector, and for only one', async () => {
    expect(await problems(yaml`
      alerts:
        slow: { when: p95 > 1ms }
    `)).toEqual([`${file}:2:3 alerts.slow: a rule names what it watches with one of probe:, container:, mcp:, cache: or engine: (or is { off: true } to turn off a built-in rule)`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, mcp: b, when: up < 1 }
    `)).toEqual([`${file}:2:21 alerts.slow.mcp: a rule watches one kind of thing: it has probe: and mcp:; make one rule for each`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: "", when: up < 1 }
    `)).toEqual([`${file}:2:11 alerts.slow.probe: probe names what the rule watches: a name or a glob like "web-*"`]);
  });

  it('asks for when:', async () => {
    expect(await problems(yaml`
      alerts:
        slow: { probe: a }
    `)).toEqual([`${file}:2:3 alerts.slow: when is required: write a condition like p95 > 100ms`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: "" }
    `)).toEqual([`${file}:2:21 alerts.slow.when: when is empty: write a condition like p95 > 100ms`]);
  });

  it('checks for:, severity and notify entries', async () => {
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: up < 1, for: 2 days }
    `)).toEqual([`${file}:2:35 alerts.slow.for: "2 days" is not a duration: write it like 250ms, 5s, 2m or 1h`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: up < 1, for: 25h }
    `)).toEqual([`${file}:2:35 alerts.slow.for: "25h" is out of range: for: is at most 24h`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: up < 1, severity: page }
    `)).toEqual([`${file}:2:35 alerts.slow.severity: "page" is not one of: info, warning, error, critical`]);
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: up < 1, notify: [email] }
    `)).toEqual([`${file}:2:44 alerts.slow.notify.0: a notify entry is desktop or webhook:<name>, e.g. webhook:ops`]);
  });

  it('names a webhook that notify.webhooks does not have', async () => {
    expect(await problems(yaml`
      alerts:
        slow: { probe: a, when: up < 1, notify: [webhook:opz] }
      notify:
        webhooks: { ops: { url: "https://hooks.example/x" } }
    `)).toEqual([`${file}:2:44 alerts.slow.notify.0: webhook "opz" is not in notify.webhooks: did you mean "ops"?`]);
    expect(await problems(yaml`
      notify:
        default: [desktop, webhook:ops]
    `)).toEqual([`${file}:2:22 notify.default.1: webhook "ops" is not in notify.webhooks: there is no notify.webhooks section; add notify: { webhooks: { ops: { url: … } } }`]);
  });

  it('checks webhooks', async () => {
    expect(await problems(yaml`
      notify:
        webhooks: { ops: { url: "ftp://x" } }
    `)).toEqual([`${file}:2:22 notify.webhooks.ops.url: a webhook url is an http:// or https:// address, or a \${VARIABLE} holding one`]);
    expect(await problems(yaml`
      notify:
        webhooks: { ops: { url: "https://x", format: teams } }
    `)).toEqual([`${file}:2:40 notify.webhooks.ops.format: "teams" is not one of: json, slack`]);
    expect(await problems(yaml`
      notify:
        webhooks: { "o ps": { url: "https://x" } }
    `)).toEqual([`${file}:2:15 notify.webhooks.o ps: key "o ps": rule names use letters, digits, ".", "_" and "-"`]);
  });

  it('turns off only built-in rules, and only with off: alone', async () => {
    expect(await problems(yaml`
      alerts:
        probe-dwn: { off: true }
    `)).toEqual([`${file}:2:3 alerts.probe-dwn: "probe-dwn" is not a built-in rule, so there is nothing to turn off: did you mean "probe-down"?`]);
    expect(await problems(yaml`
      alerts:
        probe-down: { off: true, probe: x, when: up < 1 }
    `)).toEqual([`${file}:2:17 alerts.probe-down.off: a rule that is off: true has nothing else: delete off: to use this rule`]);
    expect(await problems(yaml`
      alerts:
        probe-down: { off: false }
    `)).toEqual([`${file}:2:17 alerts.probe-down.off: off: true turns a built-in rule off; delete the key to keep it on`]);
    expect(await problems(yaml`
      alerts:
        "bad name": { probe: x, when: up < 1 }
    `)).toEqual([`${file}:2:3 alerts.bad name: key "bad name": rule names use letters, digits, ".", "_" and "-"`]);
  });
});
