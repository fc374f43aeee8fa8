import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; in production it serves dist/ itself.
const apiPort = process.env.API_PORT ?? process.env.PORT ?? '5170';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  // One chunk of about 150 kB gzipped (React, react-query, dnd-kit, typebox, the domain package) is fine
  // for a local editor; splitting it would only add requests.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
});
