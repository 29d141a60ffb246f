import { defineConfig } from "vite";

// The API serves the built app at "/"; in development Vite proxies /api to
// IPCLUE_API (the real service) or to the mock in dev/mock.mjs (port 8765).
const api = process.env.IPCLUE_API ?? "http://127.0.0.1:8765";

export default defineConfig({
  base: "/",
  build: {
    outDir: "../ipclue/api/static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": api } },
});
