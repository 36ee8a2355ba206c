import type { Duplex } from 'node:stream';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { callTimeoutMs, toEngineError, withTimeout } from './engineErrors.js';

/** A process to start inside a running container. */
export interface ExecSpec {
  cmd: string[];
  /** Attach a TTY and stdin (a terminal); without it, output is collected (a one-shot command). */
  tty: boolean;
  user?: string;
  workdir?: string;
  /** NAME=value entries added to the container's env for this process only (not shown by exec inspect). */
  env?: string[];
}

/** A started TTY exec: its raw byte stream both ways, its size, and how it ended. */
export interface ExecProcess {
  /** TTY output (stdout and stderr together) to read; keystrokes to write. Pausing it pauses the process's output. */
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  /** The exit code once it ended; undefined while it runs or when the engine cannot say. */
  exitCode(): Promise<number | undefined>;
}

export interface ExecRun {
  exitCode: number | undefined;
  /** stdout and stderr, at most `maxOutputBytes`. */
  output: string;
}

const maxOutputBytes = 64 * 1024;

interface ContainerRef {
  id: string;
  name: string;
}

function execOptions(spec: ExecSpec): Docker.ExecCreateOptions {
  return {
    Cmd: spec.cmd,
    AttachStdin: spec.tty,
    AttachStdout: true,
    AttachStderr: true,
    Tty: spec.tty,
    ...(spec.user ? { User: spec.user } : {}),
    ...(spec.workdir ? { WorkingDir: spec.workdir } : {}),
    ...(spec.env?.length ? { Env: spec.env } : {}),
  };
}

/** Starts a TTY exec in a container and hands back its stream; the caller owns the stream and ends the process. */
export async function startExec(docker: Docker, address: string, container: ContainerRef, spec: ExecSpec): Promise<ExecProcess> {
  const what = `terminal in container ${container.name}`;
  try {
    const exec = await withTimeout(docker.getContainer(container.id).exec(execOptions({ ...spec, tty: true })), callTimeoutMs, what);
    const stream = await withTimeout(exec.start({ hijack: true, stdin: true, Tty: true }), callTimeoutMs, what);
    return {
      stream,
      resize: async (cols, rows) => {
        try {
          await withTimeout(exec.resize({ w: cols, h: rows }), callTimeoutMs, `resize of ${what}`);
        } catch (err) {
          throw toEngineError(`resize of ${what}`, err, address);
        }
      },
      exitCode: async () => {
        const info = await withTimeout(exec.inspect(), callTimeoutMs, `inspect of ${what}`).catch(() => undefined);
        return info && !info.Running && typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
      },
    };
  } catch (err) {
    throw toEngineError(`start of ${what}`, err, address);
  }
}

/** Runs a short command in a container without a TTY and collects its output (bounded) and exit code. */
export async function runExec(docker: Docker, address: string, container: ContainerRef, spec: ExecSpec, limitMs = callTimeoutMs): Promise<ExecRun> {
  const what = `exec in container ${container.name}`;
  try {
    const exec = await withTimeout(docker.getContainer(container.id).exec(execOptions({ ...spec, tty: false })), callTimeoutMs, what);
    const stream = await withTimeout(exec.start({ hijack: true, stdin: false }), callTimeoutMs, what);
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    let size = 0;
    sink.on('data', (chunk: Buffer) => {
      if (size >= maxOutputBytes) return;
      chunks.push(chunk);
      size += chunk.length;
    });
    // Without a TTY, Docker interleaves stdout and stderr in frames: demux both into one sink.
    docker.modem.demuxStream(stream, sink, sink);
    await withTimeout(
      new Promise<void>((resolve) => {
        stream.once('end', resolve);
        stream.once('close', resolve);
        stream.once('error', () => resolve());
      }),
      limitMs,
      what,
      () => stream.destroy(),
    );
    const info = await withTimeout(exec.inspect(), callTimeoutMs, what);
    return { exitCode: typeof info.ExitCode === 'number' ? info.ExitCode : undefined, output: Buffer.concat(chunks).toString('utf8').slice(0, maxOutputBytes) };
  } catch (err) {
    throw toEngineError(what, err, address);
  }
}
