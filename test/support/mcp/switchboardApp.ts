// The real composition root (every service browser mode serves, without the HTTP layer) on the
// stack file given by --config, running until it is killed: what "Switchboard dies" tests kill.
import { createSwitchboard } from '../../../electron/app/createSwitchboard.js';

const app = await createSwitchboard({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), mode: 'browser' });
console.log(`switchboard running (pid ${process.pid})`);
const quit = () => void app.shutdown().finally(() => process.exit(0));
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
// nothing else has to keep the process alive while it waits to be killed
setInterval(() => {}, 1 << 30);
