import { z } from 'zod';

/** One Docker (or Podman Docker-compatible) engine and which of its containers belong to the stack. */
export const engineSchema = z.strictObject({
  name: z.string().min(1).optional(),
  /** unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host; default DOCKER_HOST, else the platform socket. */
  host: z.string().min(1).optional(),
  /** TLS material for tcp:// engines (paths to PEM files). */
  tls: z.strictObject({ ca: z.string(), cert: z.string(), key: z.string() }).optional(),
  /** Containers of this compose project (com.docker.compose.project label). */
  project: z.string().min(1).optional(),
  /** Name globs, e.g. ["sutazai-*"]. */
  containers: z.array(z.string().min(1)).optional(),
  /** Label selectors, e.g. { "com.example.stack": "prod" }; an empty value matches any value. */
  labels: z.record(z.string(), z.string()).optional(),
});

/** `docker:` is one engine, or `engines:` lists several shown side by side. */
export const dockerSchema = engineSchema.extend({
  engines: z.array(engineSchema).optional(),
});

export type EngineConfig = z.infer<typeof engineSchema>;
export type DockerConfig = z.infer<typeof dockerSchema>;
