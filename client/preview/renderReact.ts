// React preview: the canvas's JSX/TSX is transpiled here with sucrase (small and fast: see the report
// in the commit), evaluated with a `require` that offers React only, and its default export (or App, or
// the first exported component) is rendered. Render errors come back through an error boundary and
// React's root error callbacks.
import * as React from "react";
import * as ReactDOM from "react-dom";
import * as ReactDOMClient from "react-dom/client";
import * as JsxRuntime from "react/jsx-runtime";
import { transform } from "sucrase";

const MODULES: Record<string, unknown> = {
  react: React,
  "react-dom": ReactDOM,
  "react-dom/client": ReactDOMClient,
  "react/jsx-runtime": JsxRuntime,
  "react/jsx-dev-runtime": JsxRuntime,
};

let root: ReactDOMClient.Root | null = null;

class Boundary extends React.Component<
  { onError: (error: unknown) => void; children?: React.ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function requireModule(name: string): unknown {
  if (name in MODULES) return MODULES[name];
  if (/\.(css|scss|less)$/.test(name)) return {};
  throw new Error(
    `The preview offers only react and react-dom; "${name}" cannot be loaded here (nothing is downloaded).`,
  );
}

function pickComponent(exports: Record<string, unknown>): React.ComponentType | null {
  const candidates = [exports.default, exports.App, ...Object.values(exports)];
  const found = candidates.find((value) => typeof value === "function");
  return (found as React.ComponentType | undefined) ?? null;
}

export function renderReact(stage: HTMLElement, source: string, onError: (error: unknown) => void): void {
  const code = transform(source, {
    transforms: ["typescript", "jsx", "imports"],
    jsxRuntime: "automatic",
    production: true,
    filePath: "canvas.tsx",
  }).code;
  root?.unmount();
  root = null;
  stage.className = "component";
  const mount = document.createElement("div");
  mount.id = "root";
  stage.append(mount);
  const module = { exports: {} as Record<string, unknown> };
  // The sandbox's CSP allows eval for this: the frame has no access to the app, the network or storage.
  const run = new Function("require", "module", "exports", "React", code) as (
    require: (name: string) => unknown,
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
    react: typeof React,
  ) => void;
  run(requireModule, module, module.exports, React);
  const Component = pickComponent(module.exports);
  if (!Component) {
    // A script that renders itself (createRoot(...).render) is fine; otherwise say what is missing.
    if (!mount.hasChildNodes() && stage.childElementCount <= 1)
      throw new Error("Export a component (export default function App() { … }) to see it here.");
    return;
  }
  root = ReactDOMClient.createRoot(mount, {
    onUncaughtError: (error) => onError(error),
    onRecoverableError: (error) => onError(error),
  });
  root.render(React.createElement(Boundary, { onError }, React.createElement(Component)));
}
