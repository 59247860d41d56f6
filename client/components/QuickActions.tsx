// The quick-actions menu at the canvas corner: one-click requests with a known intent
// (shared/actions.ts), with sliders for length and reading level and a picker for porting code.
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "../lib/useDismiss.ts";
import {
  CODE_ACTIONS,
  LENGTH_LEVELS,
  PORT_LANGUAGES,
  READING_LEVELS,
  WRITING_ACTIONS,
  type ActionRequest,
  type QuickAction,
  type QuickActionId,
} from "../../shared/actions.ts";
import type { CanvasKind } from "../../shared/tools.ts";
import type * as Y from "yjs";
import { removeCustomAction, type CustomAction } from "../../shared/customActions.ts";
import { useCustomActions } from "../lib/yHooks.ts";
import { CustomActionDialog } from "./CustomActionDialog.tsx";

const LABELS: Record<QuickActionId, { label: string; icon: string }> = {
  suggest_edits: { label: "Suggest edits", icon: "❝" },
  adjust_length: { label: "Adjust length", icon: "↕" },
  reading_level: { label: "Reading level", icon: "≡" },
  final_polish: { label: "Final polish", icon: "✓" },
  add_emojis: { label: "Add emojis", icon: "☺" },
  review_code: { label: "Review code", icon: "❝" },
  add_logs: { label: "Add logs", icon: "›_" },
  add_comments: { label: "Add comments", icon: "//" },
  fix_bugs: { label: "Fix bugs", icon: "✓" },
  port_language: { label: "Port to language", icon: "⇄" },
};

export function QuickActions({
  kind,
  disabled,
  doc,
  author,
  onAction,
}: {
  kind: CanvasKind;
  disabled: boolean;
  doc: Y.Doc;
  author: string;
  onAction: (action: ActionRequest) => void;
}) {
  const custom = useCustomActions(doc, kind);
  const [editing, setEditing] = useState<CustomAction | "new" | null>(null);
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState<QuickActionId | null>(null);
  const [length, setLength] = useState(1);
  const [level, setLevel] = useState(2);
  const [language, setLanguage] = useState<string>("python");
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);

  function fire(action: ActionRequest) {
    setOpen(false);
    setExpanded(null);
    onAction(action);
  }

  const ids = kind === "code" ? CODE_ACTIONS : WRITING_ACTIONS;

  return (
    <div className="quick-actions" ref={root}>
      <button
        type="button"
        className="button small accent"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((value) => !value)}
      >
        ✦ Quick actions
      </button>
      {open && (
        <div
          className="menu"
          role="menu"
          aria-label="Quick actions"
          onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
        >
          {ids.map((id) => {
            const { label, icon } = LABELS[id];
            const needsInput = id === "adjust_length" || id === "reading_level" || id === "port_language";
            return (
              <div key={id} className="menu-entry">
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => (needsInput ? setExpanded(expanded === id ? null : id) : fire({ id } as QuickAction))}
                >
                  <span aria-hidden="true">{icon}</span> {label}
                  {needsInput && (
                    <span className="chevron" aria-hidden="true">
                      {expanded === id ? "▾" : "▸"}
                    </span>
                  )}
                </button>
                {expanded === "adjust_length" && id === "adjust_length" && (
                  <div className="menu-control">
                    <input
                      type="range"
                      min={-2}
                      max={2}
                      step={1}
                      value={length}
                      aria-label="Length"
                      aria-valuetext={LENGTH_LEVELS[length + 2]}
                      onChange={(event) => setLength(Number(event.target.value))}
                    />
                    <span className="control-value">{LENGTH_LEVELS[length + 2]}</span>
                    <button
                      type="button"
                      className="button small primary"
                      disabled={length === 0}
                      onClick={() => fire({ id: "adjust_length", level: length })}
                    >
                      Apply
                    </button>
                  </div>
                )}
                {expanded === "reading_level" && id === "reading_level" && (
                  <div className="menu-control">
                    <input
                      type="range"
                      min={0}
                      max={4}
                      step={1}
                      value={level}
                      aria-label="Reading level"
                      aria-valuetext={READING_LEVELS[level]}
                      onChange={(event) => setLevel(Number(event.target.value))}
                    />
                    <span className="control-value">{READING_LEVELS[level]}</span>
                    <button
                      type="button"
                      className="button small primary"
                      onClick={() => fire({ id: "reading_level", level })}
                    >
                      Apply
                    </button>
                  </div>
                )}
                {expanded === "port_language" && id === "port_language" && (
                  <div className="menu-control">
                    <label className="visually-hidden" htmlFor="port-language">
                      Target language
                    </label>
                    <select id="port-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
                      {PORT_LANGUAGES.map((option) => (
                        <option key={option} value={option}>
                          {option}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button small primary"
                      onClick={() => fire({ id: "port_language", language })}
                    >
                      Port
                    </button>
                  </div>
                )}
              </div>
            );
          })}
          <div className="menu-separator" role="separator" />
          <div className="menu-section-title">Room actions</div>
          {custom.map((action) => (
            <div key={action.id} className="menu-entry custom-action">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                title={action.instruction}
                onClick={() => fire({ id: "custom", actionId: action.id })}
              >
                <span aria-hidden="true">★</span> {action.name}
              </button>
              <button
                type="button"
                className="icon-button small"
                aria-label={`Edit “${action.name}”`}
                onClick={() => {
                  setOpen(false);
                  setEditing(action);
                }}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button small"
                aria-label={`Remove “${action.name}”`}
                onClick={() => {
                  if (window.confirm(`Remove the quick action “${action.name}” for everyone in this room?`))
                    removeCustomAction(doc, action.id, "custom-action");
                }}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              setEditing("new");
            }}
          >
            <span aria-hidden="true">+</span> New quick action…
          </button>
        </div>
      )}
      {editing && (
        <CustomActionDialog
          doc={doc}
          kind={kind}
          editing={editing === "new" ? null : editing}
          author={author}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
