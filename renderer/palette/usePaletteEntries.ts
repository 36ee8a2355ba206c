import { useMemo } from 'react';
import { useTopicState } from '../client/hooks.js';
import { screens } from '../navigation/screens.js';
import { keyboardEntries, screenEntries, stackEntries } from './appEntries.js';
import { containerEntries } from './containerEntries.js';
import { mcpEntries } from './mcpEntries.js';
import type { PaletteEntry } from './paletteEntry.js';
import { probeEntries } from './probeEntries.js';

const goTo = screenEntries(screens);
const keys = keyboardEntries();

/**
 * Every entry of the palette, live: the screens, then each item the topics
 * show with the actions its state allows. Read only while the palette is open,
 * so its topics are watched only then.
 */
export function usePaletteEntries(): PaletteEntry[] {
  const { data: mcp } = useTopicState('mcp');
  const { data: containers } = useTopicState('containers');
  const { data: probes } = useTopicState('probes');
  const { data: benchmarks } = useTopicState('benchmark.runs');
  const { data: config } = useTopicState('config');
  return useMemo(
    () => [...goTo, ...mcpEntries(mcp), ...containerEntries(containers), ...probeEntries(probes, benchmarks), ...stackEntries(config), ...keys],
    [mcp, containers, probes, benchmarks, config],
  );
}
