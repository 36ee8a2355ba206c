import { describe, expect, it } from 'vitest';
import { ProcessPolicy } from '../../../electron/app/processPolicy.js';
import type { LogInput } from '../../../shared/contract/logs.js';

function policyUnderTest() {
  let now = 0;
  const exits: number[] = [];
  const stderr: string[] = [];
  const lines: LogInput[] = [];
  let shutdowns = 0;
  const policy = new ProcessPolicy({ exit: (code) => exits.push(code), stderr: (t) => stderr.push(t), now: () => now, stormCount: 3, stormWindowMs: 10_000 });
  const target = { logs: { write: (line: LogInput) => void lines.push(line) }, shutdown: async () => void shutdowns++ };
  return { policy, target, exits, stderr, lines, shutdowns: () => shutdowns, advance: (ms: number) => (now += ms) };
}

describe('process policy', () => {
  it('keeps lines from before the hub existed and hands them over on attach', () => {
    const t = policyUnderTest();
    t.policy.handle('unhandled promise rejection', new Error('early'));
    expect(t.lines).toEqual([]);
    t.policy.attach(t.target);
    expect(t.lines[0]).toMatchObject({ source: 'switchboard', level: 'error', text: expect.stringMatching(/^unhandled promise rejection: Error: early\n\s+at /) });
    expect(t.stderr[0]).toMatch(/^Switchboard: unhandled promise rejection: Error: early/);
  });

  it('never exits over rejections, however many', async () => {
    const t = policyUnderTest();
    t.policy.attach(t.target);
    for (let i = 0; i < 100; i++) t.policy.handle('unhandled promise rejection', 'not an Error');
    await new Promise((r) => setTimeout(r, 10));
    expect(t.exits).toEqual([]);
    expect(t.lines.at(-1)!.text).toBe("unhandled promise rejection: 'not an Error'");
  });

  it('survives exceptions spread out in time, and stops then exits 70 on a storm', async () => {
    const t = policyUnderTest();
    t.policy.attach(t.target);
    for (let i = 0; i < 5; i++) {
      t.policy.handle('uncaught exception', new Error(`spread ${i}`));
      t.advance(6_000);
    }
    expect(t.exits).toEqual([]);
    t.advance(20_000);
    for (let i = 0; i < 3; i++) t.policy.handle('uncaught exception', new Error(`storm ${i}`));
    await new Promise((r) => setTimeout(r, 10));
    expect(t.shutdowns()).toBe(1);
    expect(t.exits).toEqual([70]);
    expect(t.lines.at(-1)).toMatchObject({ level: 'fatal', text: expect.stringMatching(/^3 uncaught exceptions in 10 s: stopping Switchboard/) });
  });

  it('falls back to stderr when the hub itself throws', () => {
    const t = policyUnderTest();
    t.policy.attach({ ...t.target, logs: { write: () => { throw new Error('hub broken'); } } });
    t.policy.report('a request failed', new Error('boom'));
    expect(t.stderr.join('')).toMatch(/could not log to the hub: Error: hub broken/);
  });
});
