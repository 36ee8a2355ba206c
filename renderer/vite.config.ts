import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is served from file:// in Electron and from the loopback server in a browser: relative asset paths work for both.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Only the idle bench asks for these (to name React and our folders in a CPU profile); 'hidden' leaves the bundle as shipped.
    sourcemap: process.env.SWITCHBOARD_SOURCEMAPS === 'hidden' ? 'hidden' : false,
  },
});
