// The canvas pane: tabs for the room's canvases, the canvas actions (quick actions, changes, versions,
// import/export), the live editor, and the changes/versions side panels.
import { useRef, useState } from "react";
import type { Editor } from "@tiptap/react";
import type { ActionRequest } from "../../shared/actions.ts";
import type { CanvasMeta } from "../../shared/room.ts";
import type { Api } from "../lib/api.ts";
import type { Identity } from "../lib/identity.ts";
import type { RoomConnection } from "../lib/useRoomConnection.ts";
import { useComments } from "../lib/yHooks.ts";
import { downloadBlob, downloadText } from "../lib/files.ts";
import { ACCEPTED_FILE_TYPES } from "../../shared/languages.ts";
import { RenameForm } from "./Library.tsx";
import { CanvasEditor, type AiSignal, type CanvasEditorProps } from "./CanvasEditor.tsx";
import { ChangesPanel } from "./ChangesPanel.tsx";
import { VersionsPanel } from "./VersionsPanel.tsx";
import { QuickActions } from "./QuickActions.tsx";
import { Icon } from "./Icon.tsx";
import { PreviewPane, type PreviewError } from "./PreviewPane.tsx";
import { useCodeSource } from "../lib/useCodeSource.ts";
import { previewKind } from "../lib/previewKind.ts";

export type SidePanel = "changes" | "versions" | null;

export interface CanvasPaneProps {
  connection: RoomConnection;
  api: Api;
  identity: Identity;
  canvases: CanvasMeta[];
  canvas: CanvasMeta;
  canWrite: boolean;
  canComment: boolean;
  canSuggest: boolean;
  canRun: boolean;
  running: boolean;
  aiSignal: AiSignal;
  panel: SidePanel;
  changesVersion: number;
  /** The change the changes panel shows; null: the canvas's newest. */
  shownChange: string | null;
  narrow: boolean;
  onPanel: (panel: SidePanel) => void;
  onSelect: (canvasId: string) => void;
  onEditor: (editor: Editor | null) => void;
  onAsk: CanvasEditorProps["onAsk"];
  onComment: CanvasEditorProps["onComment"];
  onSuggest: CanvasEditorProps["onSuggest"];
  onReply: CanvasEditorProps["onReply"];
  onResolve: CanvasEditorProps["onResolve"];
  onApply: CanvasEditorProps["onApply"];
  suggestionActions: CanvasEditorProps["suggestionActions"];
  onAction: (action: ActionRequest) => void;
  onShowChange: (changeId: string) => void;
  onUndo: (changeId: string) => Promise<boolean>;
  onRestore: (versionId: string) => Promise<boolean>;
  onNewCanvas: () => void;
  onImportFiles: (files: File[]) => void;
  onClose: () => void;
  onNotice: (text: string) => void;
  /** Send a chat message about this canvas (the preview's "Ask AI to fix"). */
  onSend: (text: string) => Promise<boolean>;
}

export function CanvasPane(props: CanvasPaneProps) {
  const { api, canvas } = props;
  const comments = useComments(props.connection.doc, canvas.id);
  const [exportOpen, setExportOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const isCode = canvas.kind === "code";
  const source = useCodeSource(props.connection.doc, canvas.id, isCode);
  const preview = isCode ? previewKind(canvas.language, source) : null;
  const [previewOpen, setPreviewOpen] = useState(true);
  const [phoneView, setPhoneView] = useState<"code" | "preview">("code");
  const showPreview = preview !== null && previewOpen;

  function askFix(error: PreviewError) {
    const where = error.where ? ` (${error.where})` : "";
    void props.onSend(`Fix this error from the live preview of “${canvas.title}”:\n\n${error.message}${where}`);
  }

  async function exportAs(format: "markdown" | "source", copy: boolean) {
    setExportOpen(false);
    const result = await api.exportCanvas(canvas.id, format);
    if (!result.ok) return props.onNotice(result.message);
    if (copy) {
      await navigator.clipboard.writeText(result.value.text).then(
        () => props.onNotice("Copied the canvas as markdown."),
        () => props.onNotice("The browser did not allow copying. Use Download instead."),
      );
    } else
      downloadText(result.value.filename, result.value.text, format === "markdown" ? "text/markdown" : "text/plain");
  }

  async function exportFile(format: "pdf" | "docx" | "html") {
    setExportOpen(false);
    setExporting(format.toUpperCase());
    const result = await api.exportFile(canvas.id, format);
    setExporting(null);
    if (!result.ok) return props.onNotice(result.message);
    downloadBlob(result.value.filename, result.value.blob);
  }

  async function rename(title: string) {
    const result = await api.renameCanvas(canvas.id, title);
    if (!result.ok) return props.onNotice(result.message);
    setRenaming(false);
  }

  async function moveToTrash() {
    setExportOpen(false);
    const result = await api.trashCanvas(canvas.id, props.identity.name);
    if (!result.ok) return props.onNotice(result.message);
    props.onNotice(`Moved “${canvas.title}” to the trash. Restore it from the room menu (⋯ → Trash).`);
  }

  async function currentText(): Promise<string | null> {
    const result = await api.exportCanvas(canvas.id, canvas.kind === "code" ? "source" : "markdown");
    return result.ok ? result.value.text : null;
  }

  return (
    <section className="canvas-pane" aria-label="Canvas">
      <div className="canvas-tabs-row">
        {props.narrow && (
          <button type="button" className="icon-button" aria-label="Back to chat" onClick={props.onClose}>
            <Icon name="back" />
          </button>
        )}
        <div className="canvas-tabs" role="tablist" aria-label="Canvases">
          {props.canvases.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="tab"
              aria-selected={entry.id === canvas.id}
              className={`canvas-tab${entry.id === canvas.id ? " active" : ""}`}
              onClick={() => props.onSelect(entry.id)}
              onDoubleClick={() => props.canWrite && entry.id === canvas.id && setRenaming(true)}
              title={entry.title}
            >
              <span className="tab-icon" aria-hidden="true">
                {entry.kind === "code" ? "</>" : "¶"}
              </span>
              <span className="tab-title">{entry.title}</span>
            </button>
          ))}
        </div>
        {props.canWrite && (
          <button
            type="button"
            className="icon-button"
            aria-label="New canvas"
            title="New canvas"
            onClick={props.onNewCanvas}
          >
            <Icon name="plus" />
          </button>
        )}
        {!props.narrow && (
          <button
            type="button"
            className="icon-button"
            aria-label="Close canvas"
            title="Close canvas"
            onClick={props.onClose}
          >
            <Icon name="close" />
          </button>
        )}
      </div>
      <div className="canvas-actions">
        {renaming ? (
          <div className="canvas-title">
            <RenameForm title={canvas.title} label="Canvas title" onSave={rename} onCancel={() => setRenaming(false)} />
          </div>
        ) : (
          <h2 className="canvas-title">{canvas.title}</h2>
        )}
        <div className="canvas-action-buttons">
          {props.canRun && (
            <QuickActions
              kind={canvas.kind}
              disabled={props.running}
              doc={props.connection.doc}
              author={props.identity.name}
              onAction={props.onAction}
            />
          )}
          {preview !== null && !props.narrow && (
            <button
              type="button"
              className={`button small${previewOpen ? " pressed" : ""}`}
              aria-pressed={previewOpen}
              onClick={() => setPreviewOpen((value) => !value)}
            >
              ▶ Preview
            </button>
          )}
          <button
            type="button"
            className={`button small${props.panel === "changes" ? " pressed" : ""}`}
            aria-pressed={props.panel === "changes"}
            onClick={() => props.onPanel(props.panel === "changes" ? null : "changes")}
          >
            Show changes
          </button>
          <button
            type="button"
            className={`button small${props.panel === "versions" ? " pressed" : ""}`}
            aria-pressed={props.panel === "versions"}
            onClick={() => props.onPanel(props.panel === "versions" ? null : "versions")}
          >
            Versions
          </button>
          <div className="export">
            <button
              type="button"
              className="button small"
              aria-haspopup="menu"
              aria-expanded={exportOpen}
              onClick={() => setExportOpen((value) => !value)}
            >
              {exporting ? `Preparing ${exporting}…` : "Export ▾"}
            </button>
            {exportOpen && (
              <div className="menu right" role="menu" aria-label="Export">
                <button type="button" role="menuitem" className="menu-item" onClick={() => void exportFile("pdf")}>
                  Download PDF
                </button>
                <button type="button" role="menuitem" className="menu-item" onClick={() => void exportFile("docx")}>
                  Download Word (.docx)
                </button>
                <button type="button" role="menuitem" className="menu-item" onClick={() => void exportFile("html")}>
                  Download web page (.html)
                </button>
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => void exportAs("markdown", false)}
                >
                  Download markdown (.md)
                </button>
                {canvas.kind === "code" && (
                  <button
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    onClick={() => void exportAs("source", false)}
                  >
                    Download source file
                  </button>
                )}
                <button
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => void exportAs("markdown", true)}
                >
                  Copy as markdown
                </button>
                {props.canWrite && (
                  <button
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    onClick={() => {
                      setExportOpen(false);
                      fileInput.current?.click();
                    }}
                  >
                    Import a file…
                  </button>
                )}
                {props.canWrite && (
                  <>
                    <div className="menu-separator" role="separator" />
                    <button
                      type="button"
                      role="menuitem"
                      className="menu-item"
                      onClick={() => {
                        setExportOpen(false);
                        setRenaming(true);
                      }}
                    >
                      Rename canvas…
                    </button>
                    <button
                      type="button"
                      role="menuitem"
                      className="menu-item danger-text"
                      onClick={() => void moveToTrash()}
                    >
                      Move to trash
                    </button>
                  </>
                )}
              </div>
            )}
            <input
              ref={fileInput}
              type="file"
              className="visually-hidden"
              // Opened from the menu only: a hidden control must not be a stop in the Tab order.
              tabIndex={-1}
              aria-hidden="true"
              aria-label="Import a markdown or code file"
              accept={ACCEPTED_FILE_TYPES}
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = "";
                if (files.length) props.onImportFiles(files);
              }}
            />
          </div>
        </div>
      </div>
      {preview !== null && props.narrow && (
        <div className="segmented" role="tablist" aria-label="Code or preview">
          {(["code", "preview"] as const).map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              aria-selected={phoneView === view}
              className={phoneView === view ? "active" : ""}
              onClick={() => setPhoneView(view)}
            >
              {view === "code" ? "Code" : "Preview"}
            </button>
          ))}
        </div>
      )}
      <div
        className={`canvas-body${showPreview ? " with-preview" : ""}${showPreview && props.narrow ? ` phone-${phoneView}` : ""}`}
      >
        <CanvasEditor
          key={canvas.id}
          connection={props.connection}
          canvas={canvas}
          identity={props.identity}
          canWrite={props.canWrite}
          canComment={props.canComment}
          canSuggest={props.canSuggest}
          canAsk={props.canRun && !props.running}
          comments={comments}
          aiSignal={props.aiSignal}
          onEditor={props.onEditor}
          onAsk={props.onAsk}
          onComment={props.onComment}
          onSuggest={props.onSuggest}
          onReply={props.onReply}
          onResolve={props.onResolve}
          onApply={props.onApply}
          suggestionActions={props.suggestionActions}
        />
        {showPreview && preview && (
          <PreviewPane
            kind={preview}
            source={source}
            title={canvas.title}
            canAsk={props.canRun && !props.running}
            onAskFix={askFix}
          />
        )}
        {props.panel === "changes" && (
          <ChangesPanel
            api={api}
            canvas={canvas}
            canWrite={props.canWrite}
            changeId={props.shownChange}
            version={props.changesVersion}
            onSelect={props.onShowChange}
            onUndo={props.onUndo}
            onClose={() => props.onPanel(null)}
          />
        )}
        {props.panel === "versions" && (
          <VersionsPanel
            api={api}
            canvas={canvas}
            canWrite={props.canWrite}
            currentText={currentText}
            onRestore={props.onRestore}
            onClose={() => props.onPanel(null)}
          />
        )}
      </div>
    </section>
  );
}
