// Cache hit rates as the composition root sees it.
export { registerCache } from './register.js';
