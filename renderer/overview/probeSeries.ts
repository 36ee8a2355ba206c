import type { ProbeSample, ProbeSeriesSnapshot } from '../../shared/contract/probes.js';
import type { TopicReducer } from '../client/topicStore.js';

/** The last few minutes of one probe's samples, for the Overview's chart. */
export const maxOverviewSamples = 300;

export const recentSamples: TopicReducer<ProbeSeriesSnapshot, ProbeSample, ProbeSample[]> = {
  init: (snapshot) => snapshot.samples.slice(-maxOverviewSamples),
  append: (samples, items) => [...samples, ...items].slice(-maxOverviewSamples),
};
