import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The client is built into dist/client and served by the Node server (server/http/static.ts).
// In `npm run dev` the server mounts Vite in middleware mode instead, so there is still one port.
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: "hidden", chunkSizeWarningLimit: 2000 },
});
