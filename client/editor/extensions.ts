// The client's editor extensions: the shared canvas schema (shared/schema.ts) with a highlighted code
// block of the same node name, bound to the canvas's Y.XmlFragment, with carets, comment highlights
// and AI-change highlights on top.
import type { AnyExtension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { CodeBlockLowlight } from "@tiptap/extension-code-block-lowlight";
import { Placeholder } from "@tiptap/extensions";
import { common, createLowlight } from "lowlight";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { canvasExtensions } from "../../shared/schema.ts";
import { canvasFragmentName, type CanvasMeta } from "../../shared/room.ts";
import type { Identity } from "../lib/identity.ts";
import { AiHighlight, type AiHighlightOptions } from "./aiHighlight.ts";
import { CommentHighlights } from "./commentHighlights.ts";
import { SuggestionKeys, Suggestions, type SuggestionCommands } from "./suggestions.ts";

const lowlight = createLowlight(common);

export interface EditorWiring {
  doc: Y.Doc;
  provider: WebsocketProvider;
  identity: Identity;
  canvas: CanvasMeta;
  ai: Pick<AiHighlightOptions, "isAiChange" | "onAiChange">;
  /** What the suggestion keymap asks the room to do (set by the suggestions bar). */
  suggestionCommands: { current: SuggestionCommands | null };
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  const color = typeof user.color === "string" ? user.color : "#64748b";
  caret.style.borderColor = color;
  const label = document.createElement("div");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "Someone";
  caret.append(label);
  return caret;
}

export function editorExtensions(wiring: EditorWiring): AnyExtension[] {
  const isCode = wiring.canvas.kind === "code";
  return [
    // No trailing-node plugin: in a shared doc every client would append its own empty paragraph
    // (and a code canvas must stay one code block).
    ...canvasExtensions({ codeBlock: false }).map((extension) =>
      extension.name === "starterKit" ? extension.configure({ trailingNode: false }) : extension,
    ),
    CodeBlockLowlight.configure({
      lowlight,
      defaultLanguage: null,
      enableTabIndentation: true,
      tabSize: 2,
      // A code canvas is one code block: the caret must not fall out of it.
      exitOnTripleEnter: !isCode,
      exitOnArrowDown: !isCode,
    }),
    Placeholder.configure({ placeholder: isCode ? "Write code…" : "Start writing, or ask Canvas AI in the chat…" }),
    Collaboration.configure({ document: wiring.doc, field: canvasFragmentName(wiring.canvas.id) }),
    CollaborationCaret.configure({
      provider: wiring.provider,
      user: { id: wiring.identity.id, name: wiring.identity.name, color: wiring.identity.color },
      render: renderCaret,
    }),
    CommentHighlights,
    Suggestions,
    SuggestionKeys.configure({ commands: () => wiring.suggestionCommands.current }),
    AiHighlight.configure({ ...wiring.ai, flashMs: 2_600 }),
  ];
}
