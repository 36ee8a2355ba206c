import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const builderConfig = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, unknown>; asarUnpack?: string[] };
const fuses = builderConfig.electronFuses ?? {};

/** electron-builder's own schema for `electronFuses`: a misspelt fuse would only fail at packaging, which cannot run here. */
function fuseSchema(): { properties: Record<string, { type: string }>; additionalProperties: boolean } {
  const require = createRequire(join(repoRoot, 'package.json'));
  const builderLib = join(require.resolve('electron-builder/package.json'), '..');
  const scheme = JSON.parse(readFileSync(createRequire(builderLib + '/').resolve('app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, { type: string }>; additionalProperties: boolean } };
  };
  return scheme.definitions.FuseOptionsV1;
}

describe('the Electron fuses flipped at packaging (electron-builder.yml)', () => {
  it('turns off running the app as Node, NODE_OPTIONS, --inspect and file:// extras', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('turns on cookie encryption, asar integrity and loading the app only from the asar', () => {
    expect(fuses).toMatchObject({
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('names only fuses electron-builder knows, each a boolean', () => {
    const schema = fuseSchema();
    expect(schema.additionalProperties).toBe(false);
    for (const [name, value] of Object.entries(fuses)) {
      expect(Object.keys(schema.properties), `electronFuses.${name}`).toContain(name);
      expect(typeof value, `electronFuses.${name}`).toBe('boolean');
    }
  });
});

describe('with RunAsNode off', () => {
  /** Every .ts file under electron/. */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  }

  it('no code sets ELECTRON_RUN_AS_NODE for a child (the packaged binary would ignore it and open a second app)', () => {
    const setsIt = /ELECTRON_RUN_AS_NODE['"]?\s*[:=]/;
    const offenders = sources(join(repoRoot, 'electron'))
      .filter((file) => setsIt.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file));
    expect(offenders).toEqual([]);
  });
});
