import { CacheCard } from './CacheCard.js';
import { ContainersCard } from './ContainersCard.js';
import { McpCard } from './McpCard.js';
import { ProbeCard } from './ProbeCard.js';
import { FirstRunBanner } from '../stackFileDraft/FirstRunBanner.js';

/** The first screen: everything an operator checks first, live, with the restart buttons next to it. */
export function OverviewScreen() {
  return (
    <>
      <FirstRunBanner />
      <div className="overview-grid">
        <McpCard />
        <ProbeCard />
        <ContainersCard />
        <CacheCard />
      </div>
    </>
  );
}
