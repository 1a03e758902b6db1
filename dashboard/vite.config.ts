/// <reference types="vitest/config" />
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, URL } from "node:url";
import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// The build lands in the Python package, which the server serves at "/".
const OUT_DIR = fileURLToPath(new URL("../headwater/server/static", import.meta.url));
// `npm run dev` forwards API calls to a `headwater up` running on its default port.
const API_TARGET = process.env.HEADWATER_API ?? "http://127.0.0.1:8237";
// The API docs page (`/api/v1/docs`) loads Swagger UI from the package, never a CDN.
const SWAGGER_FILES = ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"];

function swaggerUiFiles(): Plugin {
  const folder = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    name: "headwater-swagger-ui-files",
    apply: "build",
    closeBundle() {
      const target = join(OUT_DIR, "api-docs");
      mkdirSync(target, { recursive: true });
      for (const file of SWAGGER_FILES) copyFileSync(join(folder, file), join(target, file));
    },
  };
}

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: "react",
      autoCodeSplitting: true,
      quoteStyle: "double",
      generatedRouteTree: "./src/route-tree.gen.ts",
    }),
    react(),
    swaggerUiFiles(),
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
