/** Scaffolding: the containers screen lands with its capability's issue. */
export function ContainersScreen() {
  return <section className="screen-placeholder">This screen is being built.</section>;
}
