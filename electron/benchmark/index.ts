// The load test as the composition root sees it: registered with the probes it may target.
export { registerBenchmark } from './register.js';
