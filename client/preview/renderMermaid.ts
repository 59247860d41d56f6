// Mermaid preview, bundled (no CDN): strict security level (no click handlers or HTML labels).
import mermaid from "mermaid";

let ready = false;

export async function renderMermaid(stage: HTMLElement, source: string, renderId: number): Promise<void> {
  if (!ready) {
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default", fontFamily: "system-ui" });
    ready = true;
  }
  const { svg } = await mermaid.render(`diagram-${renderId}`, source);
  stage.className = "centered";
  stage.innerHTML = svg;
}
