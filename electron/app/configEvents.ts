import type { Disposable } from '../base/disposable.js';
import { DisposableStore } from '../base/disposable.js';
import type { EventWriter } from '../core/stackBus.js';
import type { ConfigStore } from '../config/index.js';
import { sourceId } from '../../shared/sourceId.js';

/** Stack-file reloads and problems as stack events: the timeline shows them next to what they caused. */
export function publishConfigEvents(config: ConfigStore, events: EventWriter): Disposable {
  const store = new DisposableStore();
  store.add(
    config.changed.on(() => {
      const { source, stackName } = config.status();
      events.publish({ source: sourceId.switchboard, kind: 'config.reload', severity: 'info', summary: `stack "${stackName}" reloaded from ${source}`, details: { file: source } });
    }),
  );
  store.add(
    config.statusChanged.on((status) => {
      if (!status.problem) return;
      const { file, line, message } = status.problem;
      events.publish({
        source: sourceId.switchboard,
        kind: 'config.problem',
        severity: 'error',
        summary: `stack file not used: ${message}`,
        details: { file, ...(line === undefined ? {} : { line }), problems: message },
      });
    }),
  );
  return store;
}
