import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface ReadLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** A stack file is a page or two; 4 MiB leaves room for a generated one and keeps the YAML parser's pause short. */
export const configReadLimits: ReadLimits = { maxBytes: 4 * 1024 * 1024, timeoutMs: 5_000 };

export type ConfigText = { ok: true; text: string } | { ok: false; reason: string };

const mib = 1024 * 1024;

/**
 * Reads a stack file or an include: only a regular file, under the size cap,
 * within the timeout. A FIFO would block the read (and with it every later
 * reload), /dev/zero never ends, and a huge file would stall the main process;
 * each is a reason the operator can read instead.
 */
export async function readConfigFile(path: string, limits: ReadLimits = configReadLimits): Promise<ConfigText> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ConfigText>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `could not be read within ${limits.timeoutMs / 1000} s` }), limits.timeoutMs);
  });
  try {
    return await Promise.race([readBounded(path, limits.maxBytes), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBounded(path: string, maxBytes: number): Promise<ConfigText> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer that may never come
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: openFailure(err) };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'is not a regular file (a pipe, device or socket)' };
    if (info.size > maxBytes) return { ok: false, reason: tooBig(info.size, maxBytes) };
    // read to the end, but never past the cap: the file may grow after stat
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { ok: false, reason: tooBig(total, maxBytes) };
    }
    const bytes = Buffer.concat(chunks, total);
    const nul = bytes.indexOf(0);
    // A raw NUL is never in a text file: say so, instead of a YAML key made of NULs
    if (nul !== -1) return { ok: false, reason: nulReason(bytes, nul) };
    return { ok: true, text: bytes.toString('utf8') };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await handle.close().catch(() => {});
  }
}

function nulReason(bytes: Buffer, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < at; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `has a NUL byte at line ${line}, column ${at - lineStart + 1}: a stack file is text (was a binary file saved over it?)`;
}

function openFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return err instanceof Error ? err.message : String(err);
}

function tooBig(bytes: number, maxBytes: number): string {
  return `is ${(bytes / mib).toFixed(1)} MiB, over the ${maxBytes / mib} MiB a stack file or include may have`;
}
