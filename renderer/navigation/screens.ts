import type { ComponentType } from 'react';
import { AlertsScreen } from '../alerts/AlertsScreen.js';
import { ContainersScreen } from '../containers/ContainersScreen.js';
import { DashboardsScreen } from '../dashboards/DashboardsScreen.js';
import { LogsScreen } from '../logs/LogsScreen.js';
import { McpScreen } from '../mcp/McpScreen.js';
import { OverviewScreen } from '../overview/OverviewScreen.js';
import { TimelineScreen } from '../timeline/TimelineScreen.js';
import { ServicesScreen } from '../services/ServicesScreen.js';
import { TerminalsScreen } from '../terminals/TerminalsScreen.js';

export interface Screen {
  /** Its URL: `#/<path>?<params>`. */
  path: string;
  /** The heading above it. */
  title: string;
  /** Its entry in the sidebar, in this order. */
  navLabel: string;
  Component: ComponentType;
}

/** Every screen, once: the router, the sidebar and the heading all read this list; adding a screen is one entry. */
export const screens = [
  { path: 'overview', title: 'Overview', navLabel: 'Overview', Component: OverviewScreen },
  { path: 'containers', title: 'Containers', navLabel: 'Containers', Component: ContainersScreen },
  { path: 'mcp', title: 'MCP servers', navLabel: 'MCP servers', Component: McpScreen },
  { path: 'dashboards', title: 'Dashboards', navLabel: 'Dashboards', Component: DashboardsScreen },
  { path: 'logs', title: 'Logs', navLabel: 'Logs', Component: LogsScreen },
  { path: 'alerts', title: 'Alerts', navLabel: 'Alerts', Component: AlertsScreen },
  { path: 'timeline', title: 'Timeline', navLabel: 'Timeline', Component: TimelineScreen },
  { path: 'services', title: 'Swarm services', navLabel: 'Services', Component: ServicesScreen },
  { path: 'terminals', title: 'Terminals', navLabel: 'Terminals', Component: TerminalsScreen },
] as const satisfies readonly Screen[];

export type ScreenPath = (typeof screens)[number]['path'];

/** The screen a URL path names; an unknown or empty path opens the first one (the Overview). */
export function screenAt(path: string): Screen {
  return screens.find((s) => s.path === path) ?? screens[0];
}
