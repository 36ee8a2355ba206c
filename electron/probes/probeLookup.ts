import type { ProbeConfig } from '../base/stackFile/probes.js';

/** What probes offer other capabilities (through the composition root): a probe's settings by name. */
export interface ProbeLookup {
  /** The named probe's target, request and SLO as probes run them now; undefined when the stack file has none by that name. */
  find(name: string): ProbeConfig | undefined;
}
