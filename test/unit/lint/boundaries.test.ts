import { ESLint, type Linter } from 'eslint';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of test/lint/ on planted code: each import a layer must not make is an error whose
// message names the importer and the import and says what to do instead.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const configFile = join(repoRoot, 'test/lint/eslint.config.mjs');

/** A made-up checkout with just the files the planted imports point at, so the test does not depend on today's tree. */
const fixtureFiles: Record<string, string> = {
  'tsconfig.json': '{}\n',
  'shared/errors.ts': 'export const problem = 1;\n',
  'electron/core/commandRegistry.ts': 'export const registry = 1;\n',
  'electron/probes/index.ts': "export { probe } from './httpProbe.js';\n",
  'electron/probes/httpProbe.ts': 'export const probe = 1;\n',
};

let fixtureRoot: string;
let fixtureLint: ESLint;

beforeAll(async () => {
  fixtureRoot = mkdtempSync(join(tmpdir(), 'switchboard-lint-'));
  for (const [path, text] of Object.entries(fixtureFiles)) {
    mkdirSync(dirname(join(fixtureRoot, path)), { recursive: true });
    writeFileSync(join(fixtureRoot, path), text);
  }
  // npm packages ('electron', 'dockerode') resolve as in the real checkout.
  symlinkSync(join(repoRoot, 'node_modules'), join(fixtureRoot, 'node_modules'), 'dir');
  const { switchboardLintConfig } = (await import(configFile)) as { switchboardLintConfig: (root: string) => Linter.Config[] };
  fixtureLint = new ESLint({ cwd: fixtureRoot, overrideConfigFile: true, overrideConfig: switchboardLintConfig(fixtureRoot) });
});

afterAll(() => {
  if (fixtureRoot) rmSync(fixtureRoot, { recursive: true, force: true });
});

/** Every message ESLint gives for `code` as if it were the file at `path` in the checkout at `root`. */
async function lint(eslint: ESLint, root: string, path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const planted = (path: string, code: string) => lint(fixtureLint, fixtureRoot, path, code);

describe('layer boundaries', { timeout: 60_000 }, () => {
  it("stops a capability from reaching into another capability's internals, and says how to get the service", async () => {
    expect(await planted('electron/mcp/planted.ts', "import '../probes/httpProbe.js';\n")).toEqual([
      "boundaries/dependencies: capabilities must not reach into each other's internals: mcp imports ../probes/httpProbe.js; " +
        'import ../probes/index.js or receive the service from the composition root (electron/app/createSwitchboard.ts).',
    ]);
  });

  it("lets a capability import another capability's public index.ts", async () => {
    expect(await planted('electron/mcp/planted.ts', "import { probe } from '../probes/index.js';\nexport const seen = probe;\n")).toEqual([]);
  });

  it('keeps the renderer off the Node side', async () => {
    expect(await planted('renderer/app/planted.ts', "import '../../electron/core/commandRegistry.js';\n")).toEqual([
      'boundaries/dependencies: renderer must not import ../../electron/core/commandRegistry.js (core): ' +
        'the renderer imports only renderer/ and shared/: reach the Node side through a command or topic in shared/contract/.',
    ]);
    expect(await planted('renderer/app/planted.ts', "import '../../shared/errors.js';\n")).toEqual([]);
  });

  it('keeps shared/ to itself', async () => {
    expect(await planted('shared/contract/planted.ts', "import '../../electron/core/commandRegistry.js';\n")).toEqual([
      'boundaries/dependencies: shared must not import ../../electron/core/commandRegistry.js (core): ' +
        'shared/ runs in the browser and in Node, so it imports only shared/ and npm packages: move what it needs into shared/.',
    ]);
  });

  it('keeps core from importing a capability, even through its index.ts', async () => {
    expect(await planted('electron/core/planted.ts', "import '../probes/index.js';\n")).toEqual([
      'boundaries/dependencies: core must not import ../probes/index.js (capability): ' +
        'electron/core imports only core/, base/ and shared/, never a capability: a capability registers itself through the appContext it receives.',
    ]);
  });

  it("lets only electron/main/ import the 'electron' package", async () => {
    expect(await planted('electron/transport/planted.ts', "import 'electron';\n")).toEqual([
      "boundaries/dependencies: only electron/main/ imports the 'electron' package (transport imports electron): " +
        'keep behaviour in plain-Node services and let electron/main/ adapt them to Electron.',
    ]);
    expect(await planted('electron/main/planted.ts', "import 'electron';\n")).toEqual([]);
  });

  it('lets only electron/docker/ import dockerode', async () => {
    expect(await planted('electron/probes/planted.ts', "import 'dockerode';\n")).toEqual([
      "boundaries/dependencies: only electron/docker/ talks to the Docker engine (probes imports 'dockerode'): " +
        "use the docker capability's index.ts or receive its service from the composition root.",
    ]);
    expect(await planted('electron/docker/planted.ts', "import 'dockerode';\n")).toEqual([]);
  });

  it('is what `npm run lint` uses on the real tree', async () => {
    const repoLint = new ESLint({ cwd: repoRoot, overrideConfigFile: configFile });
    expect(await lint(repoLint, repoRoot, 'electron/mcp/planted.ts', "import '../probes/register.js';\n")).toEqual([
      "boundaries/dependencies: capabilities must not reach into each other's internals: mcp imports ../probes/register.js; " +
        'import ../probes/index.js or receive the service from the composition root (electron/app/createSwitchboard.ts).',
    ]);
  });
});
