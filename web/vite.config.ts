// Builds the explorer into web/dist, which the API serves at `/`. Everything
// is bundled: the page loads nothing from other hosts.
import { defineConfig } from 'vite';

const api = process.env.EXPLORER_API ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  // `npm run web:dev`: the API runs separately; forward its routes.
  server: { proxy: { '/graphql': api, '/export': api, '/graphiql': api } },
});
