import { defineConfig } from 'vite';

/** Bundles src/main.ts (and only what it imports: never the *.test.ts files) into dist/ for the gateway to serve at /. */
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4000' },
  },
});
