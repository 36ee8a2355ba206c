import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testImages } from '../docker/testImages.js';
import { dockerQuiet, docker } from '../docker/dockerCli.js';

/**
 * A compose project of the test images in a temporary folder: web (busybox
 * httpd on ${WEB_PORT} from the env file), worker (the logger, only with the
 * "workers" profile) and tools (only with the "tools" profile). Host
 * networking everywhere: the test engine has no bridge.
 */
export class ComposeFolder {
  readonly root = mkdtempSync(join(tmpdir(), 'sbtest-compose-'));
  readonly dir = join(this.root, 'shop');
  readonly file = join(this.dir, 'docker-compose.yml');
  readonly envFile = join(this.dir, 'test.env');

  constructor(
    readonly project: string,
    port: number,
  ) {
    mkdirSync(this.dir);
    writeFileSync(this.envFile, `WEB_PORT=${port}\nGREETING=hello\n`);
    this.write('hello');
  }

  /** Rewrites the file with worker's GREETING set to `greeting` and web's to `webGreeting` (config changes compose sees per service). */
  write(greeting: string, webGreeting = 'hello'): void {
    writeFileSync(
      this.file,
      `services:
  web:
    image: ${testImages.web}
    network_mode: host
    environment:
      PORT: \${WEB_PORT}
      GREETING: ${webGreeting}
    labels: { switchboard.test: "1" }
  worker:
    image: ${testImages.logger}
    network_mode: host
    profiles: [workers]
    environment:
      GREETING: ${greeting}
    labels: { switchboard.test: "1" }
  tools:
    image: ${testImages.busybox}
    command: ["sleep", "1000"]
    network_mode: host
    profiles: [tools]
    labels: { switchboard.test: "1" }
`,
    );
  }

  /** Runs docker-compose (v1, as Debian has it) on this project from the command line, as an operator would. */
  async composeCli(args: string[]): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      execFile('docker-compose', ['-p', this.project, '-f', this.file, '--env-file', this.envFile, '--profile', 'workers', ...args], { timeout: 120_000 }, (err, _out, stderr) =>
        err ? reject(new Error(`docker-compose ${args.join(' ')} failed: ${stderr}`)) : resolve(),
      ),
    );
  }

  /** The project's containers by service, straight from the engine. */
  async containers(): Promise<Map<string, string>> {
    const out = await docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${this.project}`, '--format', '{{.Label "com.docker.compose.service"}} {{.ID}}']);
    return new Map(out.split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
  }

  async dispose(): Promise<void> {
    const ids = await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${this.project}`]).catch(() => '');
    if (ids) await dockerQuiet(['rm', '-f', '-v', ...ids.split('\n')]);
    rmSync(this.root, { recursive: true, force: true });
  }
}
