// A writer for the SIGKILL test: records a probe sample every millisecond or so through the real
// recorder and flushes once a second, printing each commit's newest sample time until it is killed.
import { HistoryStore } from '../../../electron/history/historyStore.js';
import { HistoryRecorder } from '../../../electron/history/historyRecorder.js';

const path = process.argv[2]!;
const store = new HistoryStore(path);
const recorder = new HistoryRecorder(store, { recent: () => [{ ts: 0, stream: 'stderr', text: 'last words' }] });
let newest = 0;
setInterval(() => {
  for (let i = 0; i < 20; i++) {
    newest = Date.now() * 1000 + i;
    recorder.onSignal({ at: newest / 1000, source: 'probe:api', name: 'probe.latency_ms', value: i });
  }
  recorder.onEvent({ at: Date.now(), source: 'mcp:postgres', kind: 'mcp.state', severity: 'error', summary: 'crashed' });
}, 1);
setInterval(() => {
  const upTo = Date.now();
  recorder.flush(upTo);
  process.stdout.write(`committed ${upTo}\n`);
}, 1_000);
