import { createInterface } from 'node:readline';
import { serve } from '../../../electron/serve.js';

// Browser mode as `npm run serve` runs it, plus faults planted on command (one word per stdin line) to test the process policy.
await serve(process.argv.slice(2));
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reject') void Promise.reject(new Error('planted rejection for the test'));
  if (line === 'throw') {
    setTimeout(() => {
      throw new Error('planted exception for the test');
    });
  }
});
