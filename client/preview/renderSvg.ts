// SVG preview: parsed as XML first, so a broken file says where it breaks instead of showing nothing.
export function renderSvg(stage: HTMLElement, source: string): void {
  const parsed = new DOMParser().parseFromString(source, "image/svg+xml");
  const problem = parsed.querySelector("parsererror");
  if (problem) throw new Error(`The SVG is not well-formed: ${(problem.textContent ?? "").trim().split("\n")[0]}`);
  if (parsed.documentElement.localName !== "svg") throw new Error("The canvas does not start with an <svg> element.");
  stage.className = "centered";
  stage.append(document.importNode(parsed.documentElement, true));
}
