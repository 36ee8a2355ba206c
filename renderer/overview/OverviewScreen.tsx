import { CacheCard } from './CacheCard.js';
import { ContainersCard } from './ContainersCard.js';
import { McpCard } from './McpCard.js';
import { ProbeCard } from './ProbeCard.js';
import { FirstRunBanner } from '../stackFileDraft/FirstRunBanner.js';
import { IncidentStrip } from '../timeline/IncidentStrip.js';
import '../timeline/timeline.css';

/** The first screen: everything an operator checks first, live, with the restart buttons next to it. */
export function OverviewScreen() {
  return (
    <>
      <FirstRunBanner />
      <IncidentStrip />
      <div className="overview-grid">
        <McpCard />
        <ProbeCard />
        <ContainersCard />
        <CacheCard />
      </div>
    </>
  );
}
