// Client-side navigation for the two routes (no router library needed for / and /r/:roomId).
export function navigate(path: string): void {
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}
