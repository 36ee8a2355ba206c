// The layers of Switchboard (issue #9 "Boundaries") as eslint-plugin-boundaries settings and one
// `boundaries/dependencies` rule. Each policy forbids one thing and says, in its message, who imported
// what and what to do instead; everything not forbidden here is allowed.

/** Element types, first match wins: the named layers, every other folder under electron/ is a capability, and the files directly in electron/ are the entry files. */
export const elements = [
  { type: 'test', pattern: 'test' },
  { type: 'shared', pattern: 'shared' },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'base', pattern: 'electron/base' },
  { type: 'core', pattern: 'electron/core' },
  { type: 'transport', pattern: 'electron/transport' },
  { type: 'app', pattern: 'electron/app' },
  { type: 'main', pattern: 'electron/main' },
  { type: 'build', pattern: 'electron/build' },
  // docker, mcp, probes, cache, logs, config, demo, benchmark, and any future electron/<name>/ with a register.ts.
  { type: 'capability', pattern: 'electron/*', capture: ['name'] },
  // electron/serve.ts (browser mode) and electron/launch.ts (`npm start`).
  { type: 'entry', pattern: 'electron' },
].map((element) => ({ ...element, partialMatch: false }));

/** What each layer (`who` names it in messages) may import from the project, and what to do instead; npm packages come further down. */
const layers = [
  {
    from: 'shared',
    may: ['shared'],
    advice: 'shared/ runs in the browser and in Node, so it imports only shared/ and npm packages: move what it needs into shared/',
  },
  {
    from: 'renderer',
    may: ['renderer', 'shared'],
    advice: 'the renderer imports only renderer/ and shared/: reach the Node side through a command or topic in shared/contract/',
  },
  {
    from: 'base',
    may: ['base', 'shared'],
    advice: 'electron/base imports only base/ and shared/: move the code it needs into base/, or pass it in as a parameter',
  },
  {
    from: 'core',
    may: ['core', 'base', 'shared'],
    advice: 'electron/core imports only core/, base/ and shared/, never a capability: a capability registers itself through the appContext it receives',
  },
  {
    from: 'capability',
    who: 'the {{from.captured.name}} capability',
    may: ['capability', 'base', 'core', 'shared'],
    advice: 'a capability imports only base/, core/, shared/ and other capabilities\' index.ts: the composition root (electron/app/createSwitchboard.ts) wires it to the rest',
  },
  {
    from: 'transport',
    may: ['transport', 'core', 'base', 'shared'],
    advice: 'electron/transport carries commands and topics and imports only transport/, core/, base/ and shared/: receive what it needs from the composition root',
  },
  {
    from: 'app',
    may: ['app', 'capability', 'transport', 'core', 'base', 'shared'],
    advice: 'the composition root must not depend on the Electron shell or the renderer: electron/main and the entry files import it, not the other way round',
  },
  {
    from: 'main',
    may: ['main', 'app', 'transport', 'core', 'base', 'shared'],
    advice: 'the Electron shell starts the app through electron/app/createSwitchboard.ts and talks to the renderer only through shared/',
  },
  {
    from: 'entry',
    may: ['entry', 'app', 'transport', 'core', 'base', 'shared'],
    advice: 'electron/serve.ts and electron/launch.ts start the app through electron/app/: they import no capability, renderer or Electron shell file',
  },
];

const layerPolicies = layers.map(({ from, who = from, may, advice }) => ({
  from: { element: { type: from } },
  disallow: { to: { module: { origin: 'local' }, element: { types: { noneOf: may } } } },
  message: `${who} must not import {{dependency.source}} ({{#if to.type}}{{to.type}}{{else}}a file outside the layers{{/if}}): ${advice}.`,
}));

const capabilityInternals = {
  from: { element: { type: 'capability' } },
  disallow: { to: { element: { type: 'capability', fileInternalPath: '!index.ts' } } },
  message:
    "capabilities must not reach into each other's internals: {{from.captured.name}} imports {{dependency.source}}; " +
    'import ../{{to.captured.name}}/index.js or receive the service from the composition root (electron/app/createSwitchboard.ts).',
};

const electronPackage = {
  from: { element: { types: { noneOf: ['main'] } } },
  disallow: { to: { module: { origin: 'external', source: 'electron' } } },
  message:
    "only electron/main/ imports the 'electron' package ({{#if from.type}}{{from.type}}{{else}}this file{{/if}} imports {{dependency.source}}): " +
    'keep behaviour in plain-Node services and let electron/main/ adapt them to Electron.',
};

const dockerodePackage = {
  from: [{ element: { types: { noneOf: ['capability', 'test'] } } }, { element: { type: 'capability', captured: { name: '!docker' } } }],
  disallow: { to: { module: { origin: 'external', source: 'dockerode' } } },
  message:
    "only electron/docker/ talks to the Docker engine ({{#if from.captured.name}}{{from.captured.name}}{{else}}{{from.type}}{{/if}} imports 'dockerode'): " +
    "use the docker capability's index.ts or receive its service from the composition root.",
};

/** The rule, ready for an ESLint config's `rules`. */
export const dependenciesRule = [
  'error',
  {
    default: 'allow',
    checkAllOrigins: true,
    checkUnknownLocals: true,
    policies: [...layerPolicies, capabilityInternals, electronPackage, dockerodePackage],
  },
];
