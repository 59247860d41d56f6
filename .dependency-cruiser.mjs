// Dependency rules, checked by `npm run lint` (dependency-cruiser). The layers point down:
// client/ and server/ (the edges) sit on shared/ (the pure core); bin/, evals/, bench/ and tests/ are
// tools on top. Type-only imports count too: a cycle through types is still two files that cannot be
// read apart.
const TOOLS = "^(bin|evals|bench|tests)/";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycles: split the shared part into a module both sides import.",
      from: {},
      to: { circular: true },
    },
    {
      name: "shared-is-pure",
      severity: "error",
      comment: "shared/ runs in the browser, the server, the CLI and the evals, so it imports none of them.",
      from: { path: "^shared/" },
      to: { path: ["^client/", "^server/", TOOLS] },
    },
    {
      name: "browser-code-is-not-node",
      severity: "error",
      comment:
        "The client and shared/ are bundled for the browser: no Node built-ins (node:fs, …). " +
        "Node-only code lives in server/ or bin/ (the CLI).",
      from: { path: "^(client|shared)/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "client-is-not-server",
      severity: "error",
      comment: "The client talks to the server over HTTP and the websocket; shared types live in shared/.",
      from: { path: "^client/" },
      to: { path: ["^server/", TOOLS] },
    },
    {
      name: "server-is-not-client",
      severity: "error",
      comment: "The server serves the built client (dist/); it does not import its source, nor the tools.",
      from: { path: "^server/" },
      to: { path: ["^client/", TOOLS] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing (a typo, or a package missing from package.json).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["node_modules", "^dist/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
