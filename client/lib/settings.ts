// Per-browser preferences: how the composer sends (Enter, or Ctrl/⌘+Enter for those used to it).
import { useCallback, useState } from "react";

export type SendKey = "enter" | "mod-enter";
const KEY = "canvas.sendKey";

export function loadSendKey(): SendKey {
  return localStorage.getItem(KEY) === "mod-enter" ? "mod-enter" : "enter";
}

export function useSendKey(): [SendKey, (key: SendKey) => void] {
  const [sendKey, setSendKey] = useState<SendKey>(loadSendKey);
  const change = useCallback((key: SendKey) => {
    localStorage.setItem(KEY, key);
    setSendKey(key);
  }, []);
  return [sendKey, change];
}

/** Whether a keydown in the composer sends (true) or adds a line (false, the browser's default). */
export function sendsMessage(
  event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing?: boolean },
  sendKey: SendKey,
): boolean {
  if (event.key !== "Enter" || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey) return true;
  return sendKey === "enter" && !event.shiftKey;
}

export function sendHint(sendKey: SendKey): string {
  return sendKey === "enter" ? "Enter sends · Shift+Enter new line" : "Ctrl/⌘+Enter sends";
}
