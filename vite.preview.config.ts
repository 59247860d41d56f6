import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The live-preview runtime (client/preview): its own small build under /preview/, served by
// server/preview with a CSP of its own into a sandboxed iframe. Kept apart from the app's bundle, so
// React, sucrase and Mermaid load only when someone opens a preview, and the app's chunks never need
// the cross-origin headers an opaque-origin frame requires.
export default defineConfig({
  root: "client/preview",
  base: "/preview/",
  plugins: [react()],
  build: {
    outDir: "../../dist/client/preview",
    emptyOutDir: true,
    sourcemap: false,
    // No preload helper: it would inject <link rel=modulepreload> tags, more for the CSP to allow.
    modulePreload: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: "client/preview/frame.html" },
  },
});
