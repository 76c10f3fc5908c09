// The web app: built by scripts/build.js into dist/web, which the API serves at `/`. Under
// `npm run dev` Vite serves it with hot reload and passes API calls to the API at SRO_API_URL.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const apiUrl = process.env.SRO_API_URL;

/** Paths that are the API's even for a browser navigation (the API's own pages). */
const API_PAGES = /^\/(docs|docs-json|admin|health)(\/|\?|$)/;

/**
 * Everything but Vite's own files goes to the API, except browser navigations, which get the app's
 * index.html (client-side routing under German paths), as the API does with the built app.
 */
const devProxy = apiUrl
  ? {
      '^/(?!@vite/|@react-refresh|@id/|@fs/|src/|node_modules/|__vite)': {
        target: apiUrl,
        bypass: (req) => ((req.headers.accept ?? '').includes('text/html') && !API_PAGES.test(req.url ?? '') ? '/index.html' : undefined),
      },
    }
  : {};

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // No inline scripts or styles: the API's Content-Security-Policy allows only same-origin files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: devProxy },
});
