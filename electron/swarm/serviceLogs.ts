import { PassThrough } from 'node:stream';
import { sourceId } from '../../shared/sourceId.js';
import type { Disposable } from '../base/disposable.js';
import type { LogWriter } from '../core/logWriter.js';
import { lineSplitter } from './lineSplitter.js';
import type { RawService, SwarmApi } from './swarmApi.js';

/**
 * Follows a service's logs, every task merged (as `docker service logs -f`),
 * into the log hub as service:<name>; each line says which task wrote it.
 */
export async function followServiceLogs(api: SwarmApi, service: RawService, logs: LogWriter, mask: (text: string) => string): Promise<Disposable> {
  const name = service.Spec?.Name ?? service.ID;
  const source = sourceId.service(name);
  const abort = new AbortController();
  const stream = (await api.getService(service.ID).logs({ follow: true, stdout: true, stderr: true, details: true, tail: 200, abortSignal: abort.signal })) as NodeJS.ReadableStream;
  const write = (stream: 'stdout' | 'stderr') => lineSplitter((line) => logs.write({ source, stream, text: mask(withTask(line)) }));
  if (service.Spec?.TaskTemplate?.ContainerSpec?.TTY) stream.pipe(write('stdout'));
  else {
    const out = new PassThrough();
    const err = new PassThrough();
    out.pipe(write('stdout'));
    err.pipe(write('stderr'));
    api.modem.demuxStream(stream, out, err);
  }
  stream.on('error', () => undefined);
  return { dispose: () => abort.abort() };
}

/** With details on, a line starts with its attributes ("com.docker.swarm.task.id=…,… text"): keep a short task tag instead. */
function withTask(line: string): string {
  const space = line.indexOf(' ');
  const attrs = space > 0 ? line.slice(0, space) : '';
  const task = /com\.docker\.swarm\.task\.id=([0-9a-z]+)/.exec(attrs)?.[1];
  return task ? `[${task.slice(0, 12)}] ${line.slice(space + 1)}` : line;
}
