/** Scaffolding: the dashboards screen lands with its capability's issue. */
export function DashboardsScreen() {
  return <section className="screen-placeholder">This screen is being built.</section>;
}
