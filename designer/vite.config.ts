import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The server serves the build from its output folder (see Automation.Server.csproj). `npm run dev`
// proxies the API to a server started with scripts/run.sh, so the designer can be worked on with hot reload.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:5080',
      '/health': 'http://127.0.0.1:5080',
    },
  },
})
