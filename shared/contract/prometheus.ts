import { z } from 'zod';
import { command } from './define.js';

/** Where Prometheus scrapes Switchboard, and with which token. */
export interface MetricsEndpoint {
  path: string;
  /** Desktop app: its own loopback listener ("http://127.0.0.1:7421/metrics"). Browser mode: absent, /metrics is on the page's own address. */
  url?: string;
  /** What `Authorization: Bearer …` must carry. */
  token: string;
  /** A generated token changes at every start: set metrics.token in the stack file for a lasting scrape config. */
  tokenFrom: 'stack file' | 'generated for this run';
  /** Why the desktop listener is not serving (its port is taken), when it is not. */
  problem?: string;
}

export const prometheusCommands = {
  'prometheus.endpoint': command<MetricsEndpoint>()(z.strictObject({}).prefault({})),
};
