import { SecondEngine } from '../docker/secondEngine.js';
import { docker, dockerQuiet } from '../docker/dockerCli.js';
import { ensureImage } from '../docker/testImages.js';

/**
 * A single-node swarm on a private dockerd (own socket, data root, exec root),
 * never on the suite's engine. Started like the suite's (--bridge=none
 * --iptables=false): `swarm init --advertise-addr 127.0.0.1` needs nothing
 * more, and services run without published ports (ingress needs iptables).
 */
export class PrivateSwarm {
  private readonly engine = new SecondEngine();
  readonly host = this.engine.host;

  async start(): Promise<void> {
    await this.engine.start();
    await docker(['swarm', 'init', '--advertise-addr', '127.0.0.1'], { host: this.host });
    await ensureImage('busybox', this.host);
  }

  /** Creates a service of the busybox test image that prints a numbered line every half second. */
  async createService(name: string, replicas: number, stack?: string): Promise<void> {
    const labels = ['--label', 'switchboard.test=1', ...(stack ? ['--label', `com.docker.stack.namespace=${stack}`] : [])];
    const script = 'trap "exit 0" TERM; i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.5; done';
    await docker(['service', 'create', '-d', '--quiet', '--name', name, '--replicas', String(replicas), ...labels, '--update-parallelism', '1', '--update-delay', '1s', '--stop-grace-period', '2s', 'sbtest-containers/busybox:1', 'sh', '-c', script], { host: this.host });
  }

  /** `docker service ls` as the CLI prints it: name → "running/desired". */
  async serviceList(): Promise<Map<string, string>> {
    const out = await docker(['service', 'ls', '--format', '{{.Name}} {{.Replicas}}'], { host: this.host });
    return new Map(out.split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
  }

  logTail(): string {
    return this.engine.logTail();
  }

  async dispose(): Promise<void> {
    await dockerQuiet(['swarm', 'leave', '--force'], { host: this.host });
    await this.engine.dispose();
  }
}
