/** Scaffolding: the logs screen lands with its capability's issue. */
export function LogsScreen() {
  return <section className="screen-placeholder">This screen is being built.</section>;
}
