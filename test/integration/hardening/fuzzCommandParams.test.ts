import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchboard, type Switchboard } from '../../../electron/app/createSwitchboard.js';
import { commands } from '../../../shared/contract/index.js';

/**
 * Every command of the contract, called on the real composition root with
 * generated params — random JSON, and objects with the command's own keys
 * holding values of every type — answers `{ ok: true }` or a structured
 * error, never a throw. The stack is harmless on purpose: Docker points at a
 * socket that does not exist, the probe at a closed port, leftovers are read
 * from a private folder of this test, so nothing real can be touched.
 */
const seconds = Number(process.env.FUZZ_SECONDS ?? 0) || 6;

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'health', 'x'.repeat(300), '../../etc/passwd', 'a\0b', '__proto__', 'constructor'),
  fc.integer(),
  fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

/** The keys a command's params object has, so generated params get past "unknown key" often enough to reach handlers. */
function keysOf(schema: z.ZodType): string[] {
  let inner: unknown = schema;
  for (let i = 0; i < 5 && inner && typeof inner === 'object' && !(inner instanceof z.ZodObject); i++) {
    const def = (inner as { def?: { innerType?: unknown; in?: unknown } }).def;
    inner = def?.innerType ?? def?.in;
  }
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

function paramsFor(name: keyof typeof commands): fc.Arbitrary<unknown> {
  const keys = keysOf(commands[name].params as unknown as z.ZodType);
  const shaped = keys.length ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

describe('command params, generated', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-fuzz-commands-'));
  let app: Switchboard;

  beforeAll(async () => {
    const file = path.join(dir, 'stack.yaml');
    writeFileSync(
      file,
      [
        'name: fuzz',
        'docker: { host: "unix:///nonexistent/switchboard-fuzz.sock" }',
        'probes:',
        '  health: { url: "http://127.0.0.1:1/health", every: 1h }',
      ].join('\n'),
    );
    app = await createSwitchboard({ argv: ['--config', file], env: { XDG_RUNTIME_DIR: dir }, cwd: dir, mode: 'browser' });
  });

  afterAll(async () => {
    await app?.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`answers every command with a value or an error that names what was wrong, never an internal failure (${seconds} s)`, async () => {
    const names = Object.keys(commands) as (keyof typeof commands)[];
    const byCommand = new Map(names.map((n) => [n, { calls: 0, ok: 0 }]));
    const check = async ({ name, params }: { name: keyof typeof commands; params: unknown }) => {
      const outcome = await app.commands.call(name, params);
      const tally = byCommand.get(name)!;
      tally.calls++;
      if (outcome.ok) tally.ok++;
      else {
        // "internal" is what an exception nobody meant to throw becomes: a bug, not an answer
        expect(outcome.error.code, `${name} ${JSON.stringify(params)}: ${outcome.error.message}`).not.toBe('internal');
        expect(outcome.error.message.length).toBeGreaterThan(0);
      }
    };
    // Every command its own share first, so a slow machine still reaches each one; then a random mix until the deadline.
    for (const name of names) {
      await fc.assert(
        fc.asyncProperty(paramsFor(name), (params) => check({ name, params })),
        { numRuns: 10 },
      );
    }
    const call = fc.oneof(...names.map((name) => paramsFor(name).map((params) => ({ name, params }))));
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() < deadline) await fc.assert(fc.asyncProperty(call, check), { numRuns: 200 });
    const calls = [...byCommand.values()].reduce((n, t) => n + t.calls, 0);
    console.log(`command fuzz: ${calls} calls over ${names.length} commands, ${[...byCommand.values()].reduce((n, t) => n + t.ok, 0)} answered ok, none an internal failure`);
    for (const [name, tally] of byCommand) expect(tally.calls, `${name} was never called`).toBeGreaterThan(0);
    // still answering afterwards
    expect(await app.commands.call('app.info', {})).toMatchObject({ ok: true });
  }, seconds * 1000 + 60_000);
});
