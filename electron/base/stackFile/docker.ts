import { z } from 'zod';
import { text } from './text.js';
import { composeProjectSchema, swarmSchema } from './compose.js';

/** One Docker (or Podman Docker-compatible) engine and which of its containers belong to the stack. */
export const engineSchema = z.strictObject({
  name: text.min(1).optional(),
  /** unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host; default DOCKER_HOST, else the platform socket. */
  host: text.min(1).optional(),
  /** TLS material for tcp:// engines (paths to PEM files). */
  tls: z.strictObject({ ca: text, cert: text, key: text }).optional(),
  /** Containers of this compose project (com.docker.compose.project label). */
  project: text.min(1).optional(),
  /** Name globs, e.g. ["sutazai-*"]. */
  containers: z.array(text.min(1)).optional(),
  /** Label selectors, e.g. { "com.example.stack": "prod" }; an empty value matches any value. */
  labels: z.record(text, text).optional(),
  /** Show this engine's Swarm services, tasks and nodes: true, false, or auto (when it is a manager); default auto. */
  swarm: swarmSchema.optional(),
});

/** `docker:` is one engine, or `engines:` lists several shown side by side. */
export const dockerSchema = engineSchema.extend({
  engines: z.array(engineSchema).optional(),
  /** Compose projects brought up with the real compose tool: file paths, or { file(s), envFile, profiles, projectName, engine }. */
  compose: z.array(composeProjectSchema).optional(),
});

export type EngineConfig = z.infer<typeof engineSchema>;
export type DockerConfig = z.infer<typeof dockerSchema>;
