import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SwitchboardError } from '../../shared/errors.js';

/**
 * Writes the stack file. Without `replace`, an existing file is never touched
 * (the create itself refuses, so a file made a moment ago is safe too). With
 * it, the text goes to a scratch file beside it first and is renamed over it,
 * so the watcher and a crash never see half a file.
 */
export async function writeStackFile(path: string, text: string, { replace, scratchName }: { replace: boolean; scratchName: string }): Promise<'written' | 'exists'> {
  if (!replace) {
    try {
      await writeFile(path, text, { flag: 'wx' });
      return 'written';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw cannotWrite(path, err);
    }
  }
  const scratch = join(dirname(path), scratchName);
  try {
    await writeFile(scratch, text, { flag: 'wx' });
    await rename(scratch, path);
    return 'written';
  } catch (err) {
    await rm(scratch, { force: true }).catch(() => {});
    throw cannotWrite(path, err);
  }
}

function cannotWrite(path: string, err: unknown): SwitchboardError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'no permission to write there' : code === 'ENOENT' ? 'its folder does not exist' : err instanceof Error ? err.message : String(err);
  return new SwitchboardError('unavailable', `could not write ${path}: ${why}`);
}
