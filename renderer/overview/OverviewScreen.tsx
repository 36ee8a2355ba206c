import { CacheCard } from './CacheCard.js';
import { ContainersCard } from './ContainersCard.js';
import { McpCard } from './McpCard.js';
import { ProbeCard } from './ProbeCard.js';

/** The first screen: everything an operator checks first, live, with the restart buttons next to it. */
export function OverviewScreen() {
  return (
    <div className="overview-grid">
      <McpCard />
      <ProbeCard />
      <ContainersCard />
      <CacheCard />
    </div>
  );
}
