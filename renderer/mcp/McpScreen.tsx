/** Scaffolding: the mcp screen lands with its capability's issue. */
export function McpScreen() {
  return <section className="screen-placeholder">This screen is being built.</section>;
}
