// The live source text of a code canvas, read straight from its Y.XmlFragment (one code block), so a
// preview follows everyone's typing, debounced so a burst of keys renders once.
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { canvasFragment } from "../../shared/room.ts";

export function codeText(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement
        ? block
            .toArray()
            .map((child) =>
              child instanceof Y.XmlText
                ? (child.toDelta() as { insert?: unknown }[])
                    .map((op) => (typeof op.insert === "string" ? op.insert : ""))
                    .join("")
                : "",
            )
            .join("")
        : "",
    )
    .join("\n");
}

/** The text of a code canvas; `enabled` false (a document canvas) subscribes to nothing and returns "". */
export function useCodeSource(doc: Y.Doc, canvasId: string, enabled: boolean, delayMs = 250): string {
  const [text, setText] = useState(() => (enabled ? codeText(canvasFragment(doc, canvasId)) : ""));
  useEffect(() => {
    if (!enabled) {
      setText("");
      return;
    }
    const fragment = canvasFragment(doc, canvasId);
    let timer: ReturnType<typeof setTimeout> | null = null;
    setText(codeText(fragment));
    const onChange = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setText(codeText(fragment)), delayMs);
    };
    fragment.observeDeep(onChange);
    return () => {
      if (timer) clearTimeout(timer);
      fragment.unobserveDeep(onChange);
    };
  }, [doc, canvasId, enabled, delayMs]);
  return text;
}
