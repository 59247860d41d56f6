// Make or edit a custom quick action: a name, the instruction Canvas AI receives, and whether it is for
// documents or code. Saved into the room, so everyone in it can use, change or remove it.
import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { CUSTOM_ACTION_LIMITS, saveCustomAction, type CustomAction } from "../../shared/customActions.ts";
import { newId } from "../../shared/room.ts";
import type { CanvasKind } from "../../shared/tools.ts";
import { Dialog } from "./Dialog.tsx";

export function CustomActionDialog({
  doc,
  kind,
  editing,
  author,
  onClose,
}: {
  doc: Y.Doc;
  kind: CanvasKind;
  editing: CustomAction | null;
  author: string;
  onClose: () => void;
}) {
  const [name, setName] = useState(editing?.name ?? "");
  const [instruction, setInstruction] = useState(editing?.instruction ?? "");
  const [forKind, setForKind] = useState<CanvasKind>(editing?.kind ?? kind);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = saveCustomAction(
      doc,
      {
        id: editing?.id ?? newId(),
        name: name.trim(),
        instruction: instruction.trim(),
        kind: forKind,
        createdBy: editing?.createdBy ?? author,
        updatedAt: Date.now(),
      },
      "custom-action",
    );
    if (!result.ok) return setError(result.message);
    onClose();
  }

  return (
    <Dialog title={editing ? "Edit quick action" : "New quick action"} onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        <label>
          Name
          <input
            value={name}
            maxLength={CUSTOM_ACTION_LIMITS.name}
            placeholder="e.g. Make it formal"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          Instruction for Canvas AI
          <textarea
            value={instruction}
            rows={4}
            maxLength={CUSTOM_ACTION_LIMITS.instruction}
            placeholder="e.g. Rewrite the canvas in a formal, concise tone for a board report."
            onChange={(event) => setInstruction(event.target.value)}
          />
        </label>
        <fieldset className="kind-picker">
          <legend>For</legend>
          <label>
            <input
              type="radio"
              name="action-kind"
              checked={forKind === "document"}
              onChange={() => setForKind("document")}
            />{" "}
            Documents
          </label>
          <label>
            <input type="radio" name="action-kind" checked={forKind === "code"} onChange={() => setForKind("code")} />{" "}
            Code
          </label>
        </fieldset>
        <p className="muted">Everyone in this room sees and can use this action.</p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!name.trim() || !instruction.trim()}>
            {editing ? "Save action" : "Add action"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
