/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The build lands in the Python package, which the server serves at "/".
const OUT_DIR = fileURLToPath(new URL("../headwater/server/static", import.meta.url));
// `npm run dev` forwards API calls to a `headwater up` running on its default port.
const API_TARGET = process.env.HEADWATER_API ?? "http://127.0.0.1:8237";

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: "react",
      autoCodeSplitting: true,
      quoteStyle: "double",
      generatedRouteTree: "./src/route-tree.gen.ts",
    }),
    react(),
  ],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // The timing report is noise in `make install` output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: "es" },
  server: { proxy: { "/api": { target: API_TARGET, changeOrigin: false } } },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
