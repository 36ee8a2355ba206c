// Starts a supervisor with a grandchild-spawning wrapper, waits for ready, then
// exits the process without awaiting dispose, the way an app exits on a fatal error.
import path from 'node:path';
import { mcpServerSchema } from '../../../electron/base/stackFile/mcp.js';
import { discardLogs } from '../../../electron/core/logWriter.js';
import { McpSupervisor } from '../../../electron/mcp/supervisor.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const supervisor = new McpSupervisor({ logs: discardLogs, baseDir: here });
await supervisor.setServers({ family: mcpServerSchema.parse({ command: './grandchild.sh' }) });
const deadline = Date.now() + 60_000;
while (supervisor.get('family').status !== 'ready' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
console.log(`state: ${supervisor.get('family').status}`);
process.exit(0);
