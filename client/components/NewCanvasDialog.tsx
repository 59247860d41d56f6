// Create a canvas by hand: a document or a code file, optionally from an imported file's text.
import { useState, type FormEvent } from "react";
import type { CanvasKind } from "../../shared/tools.ts";
import { Dialog } from "./Dialog.tsx";
import { CODE_LANGUAGES } from "./CodeHeader.tsx";

export interface NewCanvasInput {
  title: string;
  kind: CanvasKind;
  language: string | null;
  content: string;
}

export function NewCanvasDialog({
  onCreate,
  onClose,
}: {
  onCreate: (input: NewCanvasInput) => Promise<string | null>;
  onClose: () => void;
}) {
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<CanvasKind>("document");
  const [language, setLanguage] = useState("typescript");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const failure = await onCreate({
      title: title.trim() || (kind === "code" ? "Untitled code" : "Untitled document"),
      kind,
      language: kind === "code" ? language : null,
      content: "",
    });
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <Dialog title="New canvas" onClose={onClose}>
      <form className="form-stack" onSubmit={submit}>
        <label>
          Title
          <input
            value={title}
            maxLength={200}
            placeholder="Untitled"
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <fieldset className="kind-picker">
          <legend>Kind</legend>
          <label>
            <input type="radio" name="kind" checked={kind === "document"} onChange={() => setKind("document")} />{" "}
            Document
          </label>
          <label>
            <input type="radio" name="kind" checked={kind === "code"} onChange={() => setKind("code")} /> Code
          </label>
        </fieldset>
        {kind === "code" && (
          <label>
            Language
            <select value={language} onChange={(event) => setLanguage(event.target.value)}>
              {CODE_LANGUAGES.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            Create canvas
          </button>
        </div>
      </form>
    </Dialog>
  );
}
