import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { describeProblem } from '../../../electron/config/describeProblem.js';
import { loadStackFile } from '../../../electron/config/loadStackFile.js';
import { stackFolder } from '../config/stackFolder.js';

const budgetMs = Math.max(1, Number(process.env.FUZZ_SECONDS ?? 20) || 20) * 1000 * 0.3;

/** Values a stack file can hold, biased to what breaks loaders: NULs, huge numbers, odd durations, deep nesting. */
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 10 }).map((s) => `${s}\0${s}`),
  fc.constantFrom('5s', '0ms', '25h', '1e999', '-1s', '99999999999999999999h', '100ms', '24h', ' 5 s ', '${HOME}', '${UNSET_FUZZ_VAR}', '$$', '~/x', '../..', 'redis://127.0.0.1:1', 'http://127.0.0.1:1/'),
  fc.constantFrom(0, -0, 1, -1, 99, 100, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 1e-300, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, nasty, tie('list'), tie('map')),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.constantFrom('command', 'args', 'env', 'every', 'timeout', 'url', 'tcp', 'cwd', 'restart', 'backoff', 'crashLoop', 'window', 'slo', 'p95', 'redis', 'x-shared', '<<'), fc.string({ maxLength: 8 })), tie('tree'), { maxKeys: 5 }),
}));
const server = fc.dictionary(fc.constantFrom('command', 'args', 'env', 'cwd', 'selfcheck', 'restart', 'autostart', 'initializeTimeout', 'pingEvery', 'pingTimeout', 'backoff', 'crashLoop', 'type', 'url', 'disabled', 'envFile', 'restartOverlap'), tree, { maxKeys: 6 });
const probe = fc.dictionary(fc.constantFrom('url', 'tcp', 'command', 'every', 'timeout', 'slo', 'method', 'headers', 'body', 'expect', 'cwd'), tree, { maxKeys: 5 });
const name = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.string({ maxLength: 6 }));
const stack = fc.record(
  {
    name: tree,
    mcpServers: fc.dictionary(name, server, { maxKeys: 3 }),
    servers: fc.dictionary(name, server, { maxKeys: 2 }),
    probes: fc.dictionary(name, probe, { maxKeys: 3 }),
    cache: fc.dictionary(name, tree, { maxKeys: 2 }),
    docker: tree,
    logs: tree,
    include: fc.array(fc.constantFrom('./included.json', './missing.json', './', '/dev/null'), { maxLength: 2 }),
    'x-anchor': tree,
    unknown: tree,
  },
  { requiredKeys: [] },
);

/** A stack that mostly makes sense, with now and then one nasty value: gets past the schema into expansion and includes. */
const rarely = <T,>(usual: fc.Arbitrary<T>) => fc.oneof({ arbitrary: usual, weight: 10 }, { arbitrary: nasty as fc.Arbitrary<unknown>, weight: 1 });
const durationText = fc.oneof(fc.constantFrom('100ms', '250ms', '5s', '2m', '1h', '24h'), fc.integer({ min: 100, max: 86_400_000 }));
const plausible = fc.record({
  name: rarely(fc.stringMatching(/^[a-z]{1,10}$/)),
  probes: fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    fc.oneof(
      fc.record({ command: rarely(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 3 })), every: rarely(durationText), timeout: rarely(durationText) }, { requiredKeys: ['command'] }),
      fc.record({ url: rarely(fc.constantFrom('http://127.0.0.1:1/', 'https://example.invalid/health')), headers: rarely(fc.dictionary(fc.stringMatching(/^[A-Za-z-]{1,10}$/), fc.string({ maxLength: 10 }), { maxKeys: 2 })), slo: rarely(fc.record({ p95: durationText, availability: fc.constantFrom('99%', 0.999) })) }, { requiredKeys: ['url'] }),
      fc.record({ tcp: rarely(fc.constantFrom('127.0.0.1:1', 'localhost:65535', 'host:99999')) }),
    ),
    { maxKeys: 3 },
  ),
  mcpServers: fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
    fc.record(
      { command: rarely(fc.constantFrom('node', './wrapper.sh', '~/bin/x', '${FUZZ_CMD:-node}')), args: rarely(fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 })), env: rarely(fc.dictionary(fc.stringMatching(/^[A-Z_]{1,8}$/), fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('${HOME}', '${UNSET_FUZZ_VAR:-x}', '$$x')), { maxKeys: 3 })), pingEvery: rarely(durationText), restart: rarely(fc.constantFrom('no', 'on-failure', 'always')), restartOverlap: rarely(fc.boolean()) },
      { requiredKeys: ['command'] },
    ),
    { maxKeys: 3 },
  ),
  cache: fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.record({ redis: rarely(fc.constant('redis://127.0.0.1:1')), every: rarely(durationText), target: rarely(fc.constantFrom('80%', 0.9)) }, { requiredKeys: ['redis'] }), { maxKeys: 2 }),
});

/** YAML an operator (or an attacker) could write by hand: aliases, merges, tags, deep flow nesting, alias bombs. */
const handWritten = fc.oneof(
  fc.integer({ min: 1, max: 5_000 }).map((n) => `name: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `probes:\n${Array.from({ length: Math.min(n, 200) }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`),
  fc.integer({ min: 2, max: 12 }).map((n) => ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`), `x-bomb: *a${n}`].join('\n')),
  fc.constantFrom(
    'x-p: &p { every: 5s, timeout: 2s }\nprobes:\n  a: { <<: *p, url: "http://127.0.0.1:1/" }\n  b: { <<: [*p, *p], tcp: "127.0.0.1:1" }\n',
    'name: !!binary aGVsbG8=\n',
    'name: !!timestamp 2001-12-14t21:59:43.10-05:00\n',
    'probes: !!set { a, b }\n',
    'name: !custom x\n',
    'probes:\n  a: { command: [true], every: .inf }\n',
    'probes:\n  a: { command: [true], every: .nan }\n',
    '--- \nname: a\n---\nname: b\n',
    'name: a\nname: b\n',
    '&a [*a]\n',
    'x: &x\n  <<: *x\n',
    '? [a, b]\n: c\n',
    'mcpServers:\n  x:\n    command: "node\\0"\n    env: { "A\\0": "\\0" }\n',
    '\uFEFFname: bom\n',
    '%YAML 1.1\n---\nname: yes\n',
  ),
  fc.string({ unit: 'binary', maxLength: 400 }),
);

describe('fuzzing the stack-file loader', { timeout: budgetMs + 60_000 }, () => {
  let dir: ReturnType<typeof stackFolder>;
  beforeAll(() => (dir = stackFolder()));
  afterAll(() => dir.remove());

  it(`gives a config or readable problems for every generated document, never a throw (${Math.round(budgetMs / 1000)} s)`, async () => {
    const document = fc.oneof(
      plausible.map((value) => ({ file: 'stack.yaml', text: stringify(value) })),
      plausible.map((value) => ({ file: 'stack.json', text: JSON.stringify(value) })),
      stack.map((value) => ({ file: 'stack.json', text: JSON.stringify(value) ?? 'null' })),
      stack.map((value) => ({ file: 'stack.yaml', text: stringify(value, { aliasDuplicateObjects: true }) })),
      handWritten.map((text) => ({ file: 'stack.yaml', text })),
      fc.tuple(stack, fc.dictionary(name, server, { maxKeys: 3 })).map(([value, included]) => ({ file: 'stack.yaml', text: stringify({ ...value, include: ['./included.json'] }), included: JSON.stringify({ mcpServers: included }) })),
    );
    const counts = { documents: 0, loaded: 0, refused: 0 };
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const file = dir.write(doc.file, doc.text);
        dir.write('included.json', 'included' in doc ? doc.included! : '{"mcpServers": {}}');
        const started = performance.now();
        const load = await loadStackFile(file, { env: { HOME: '/home/fuzz' } });
        slowest = Math.max(slowest, performance.now() - started);
        counts.documents++;
        if (load.ok) {
          counts.loaded++;
          expect(typeof load.config.name).toBe('string');
          // what loads is safe to run: no NUL reaches a spawn, no interval a timer cannot keep
          expect(JSON.stringify(load.config)).not.toContain('\\u0000');
          for (const p of Object.values(load.config.probes)) for (const ms of [p.every, p.timeout]) expect(ms >= 100 && ms <= 86_400_000, `${ms} ms`).toBe(true);
          for (const m of Object.values(load.config.mcpServers)) for (const ms of [m.pingEvery, m.pingTimeout, m.initializeTimeout, m.backoff.initial, m.backoff.max]) expect(ms >= 100 && ms <= 86_400_000, `${ms} ms`).toBe(true);
        } else {
          counts.refused++;
          expect(load.problems.length).toBeGreaterThan(0);
          for (const problem of load.problems) {
            expect(typeof problem.message).toBe('string');
            expect(describeProblem(problem).length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false },
    );
    console.log(`fuzz: ${counts.documents} stack documents (${counts.loaded} loaded, ${counts.refused} refused with problems), 0 throws; slowest ${Math.round(slowest)} ms`);
    expect(counts.documents).toBeGreaterThan(50);
    expect(slowest).toBeLessThan(5_000);
  });
});
