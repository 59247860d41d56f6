// The room: chat on the left, the canvas on the right once there is one (it slides in when the model
// creates one), a resizable split, and the canvas as a full-screen sheet in narrow windows.
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type { Editor } from "@tiptap/react";
import { can } from "../../shared/roles.ts";
import type { Api, RoomInfo } from "../lib/api.ts";
import type { Identity } from "../lib/identity.ts";
import type { RoomConnection } from "../lib/useRoomConnection.ts";
import { useCanvases, useChat, useNarrow, usePresence, useRoomTitle, useTrashCount } from "../lib/yHooks.ts";
import { forgetRoom, refreshRoom } from "../lib/library.ts";
import { navigate } from "../lib/navigation.ts";
import { useSendKey } from "../lib/settings.ts";
import { useRoomEditMode } from "../lib/useSuggestions.ts";
import type { EditMode } from "../../shared/suggestions/record.ts";
import { TrashDialog } from "./TrashDialog.tsx";
import { Dialog } from "./Dialog.tsx";
import { RenameForm } from "./Library.tsx";
import { useRoomActions } from "../lib/useRoomActions.ts";
import { flashLastAiChange } from "../editor/aiHighlight.ts";
import { RoomHeader } from "./RoomHeader.tsx";
import { ChatPane } from "./ChatPane.tsx";
import { CanvasPane, type SidePanel } from "./CanvasPane.tsx";
import { Splitter } from "./Splitter.tsx";
import { ShareDialog } from "./ShareDialog.tsx";
import { NewCanvasDialog } from "./NewCanvasDialog.tsx";
import type { AiSignal } from "./CanvasEditor.tsx";

export interface RoomViewProps {
  api: Api;
  info: RoomInfo | null;
  infoError: string | null;
  connection: RoomConnection;
  identity: Identity;
  onIdentity: (identity: Identity) => void;
}

export function RoomView({ api, info, infoError, connection, identity, onIdentity }: RoomViewProps) {
  const { doc, provider } = connection;
  const canvases = useCanvases(doc);
  const messages = useChat(doc);
  const users = usePresence(provider.awareness);
  const title = useRoomTitle(doc, info?.title ?? "Room");
  const narrow = useNarrow();
  const role = info?.role ?? "viewer";
  const canWrite = can(role, "write");
  const canComment = can(role, "comment");
  // Proposing a suggestion asks for "comment" on the server too: nothing lands until an editor accepts.
  const canSuggest = can(role, "comment");
  const running = messages.some((message) => message.role === "assistant" && message.status === "streaming");

  const [activeId, setActiveId] = useState<string | null>(null);
  const [canvasOpen, setCanvasOpen] = useState(false);
  const [entering, setEntering] = useState(false);
  const [panel, setPanel] = useState<SidePanel>(null);
  const [dialog, setDialog] = useState<"share" | "new" | "trash" | "rename-room" | "delete-room" | null>(null);
  const [sendKey, setSendKey] = useSendKey();
  const trashCount = useTrashCount(doc);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [split, setSplit] = useState(() => Number(localStorage.getItem("canvas.split")) || 36);
  const [changesVersion, setChangesVersion] = useState(0);
  /** The change the changes panel shows (a chat card's "Show"); null: the canvas's newest. */
  const [shownChange, setShownChange] = useState<string | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const aiSignal = useRef<AiSignal>({ expectUntil: 0 }).current;
  const known = useRef<Set<string> | null>(null);
  const roomMode = useRoomEditMode(doc);
  // The mode picked in the composer; null follows the room's default.
  const [pickedMode, setPickedMode] = useState<EditMode | null>(null);
  const mode = pickedMode ?? roomMode;
  const wanted = useRef<string | null>(null);

  const active = canvases.find((canvas) => canvas.id === activeId) ?? canvases[canvases.length - 1] ?? null;

  // The library on the landing page shows the room as it is now.
  useEffect(() => {
    if (connection.synced) refreshRoom(api.roomId, { title, canvases: canvases.length, lastActivity: Date.now() });
  }, [api.roomId, connection.synced, title, canvases.length]);

  const openCanvas = useCallback((canvasId: string, animate: boolean) => {
    setActiveId(canvasId);
    setCanvasOpen(true);
    if (animate) {
      setEntering(true);
      setTimeout(() => setEntering(false), 700);
    }
  }, []);

  // A canvas that appears after the first sync (the model or a person just created it) opens, animated.
  useEffect(() => {
    if (!connection.synced) return;
    if (!known.current) {
      known.current = new Set(canvases.map((canvas) => canvas.id));
      const last = canvases[canvases.length - 1];
      if (last) openCanvas(last.id, false);
      return;
    }
    for (const canvas of canvases) {
      if (known.current.has(canvas.id)) continue;
      known.current.add(canvas.id);
      openCanvas(canvas.id, !canvasOpen);
    }
    if (wanted.current && canvases.some((canvas) => canvas.id === wanted.current)) {
      openCanvas(wanted.current, false);
      wanted.current = null;
    }
  }, [connection.synced, canvases, canvasOpen, openCanvas]);

  // When a run finishes, an open "Show changes" panel refreshes.
  const lastStatus = messages[messages.length - 1]?.status;
  useEffect(() => {
    if (lastStatus && lastStatus !== "streaming") setChangesVersion((count) => count + 1);
  }, [lastStatus, messages.length]);

  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notify = useCallback((text: string) => {
    setNotice(text);
    if (noticeTimer.current) clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), 6_000);
  }, []);

  const actions = useRoomActions({
    api,
    identity,
    activeCanvasId: canvasOpen ? (active?.id ?? null) : null,
    messages,
    aiSignal,
    notify,
    mode,
    onCanvasCreated: (canvasId) => {
      // The new canvas may have arrived over the socket before the HTTP answer: then it is open already,
      // and remembering it as "wanted" would pull the view back to it when the next canvas arrives.
      if (known.current?.has(canvasId)) openCanvas(canvasId, false);
      else wanted.current = canvasId;
    },
  });

  // Esc stops a run from anywhere on the page (dialogs and menus stop Esc themselves).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && running && canWrite) actions.stop();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [running, canWrite, actions]);

  function showChange(canvasId: string, changeId: string | null) {
    const editor = editorRef.current;
    if (
      !changeId &&
      active?.id === canvasId &&
      canvasOpen &&
      editor &&
      !editor.isDestroyed &&
      flashLastAiChange(editor.view)
    )
      return;
    openCanvas(canvasId, false);
    setShownChange(changeId);
    setPanel("changes");
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (!files.length) return;
    if (!canWrite) return notify("Only editors can import files into this room.");
    void actions.importFiles(files);
  }

  const showCanvas = canvasOpen && active !== null;
  const onEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  return (
    <div
      className={`room${dragging ? " dragging" : ""}`}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <RoomHeader
        title={title}
        info={info}
        connection={connection.state}
        users={users}
        identity={identity}
        onIdentity={onIdentity}
        onShare={() => setDialog("share")}
        trashCount={trashCount}
        onRenameRoom={() => setDialog("rename-room")}
        onTrash={() => setDialog("trash")}
        onDeleteRoom={() => setDialog("delete-room")}
        sendKey={sendKey}
        onSendKey={setSendKey}
      />
      {infoError && (
        <p className="banner error" role="alert">
          {infoError}
        </p>
      )}
      <div
        className={`room-body${showCanvas ? " with-canvas" : " chat-only"}${narrow ? " narrow" : ""}`}
        style={{ gridTemplateColumns: showCanvas && !narrow ? `minmax(280px, ${split}%) 6px 1fr` : undefined }}
      >
        <ChatPane
          messages={messages}
          canvases={canvases}
          canRun={canWrite}
          readOnlyReason={
            canWrite
              ? null
              : role === "commenter"
                ? "You can comment on canvases; only editors can ask Canvas AI."
                : "You are viewing this room."
          }
          running={running}
          notice={notice}
          onSend={(text) => actions.send(text)}
          onStop={actions.stop}
          onRetry={actions.retry}
          onFeedback={actions.feedback}
          onShowChange={showChange}
          onNewCanvas={canWrite ? () => setDialog("new") : null}
          sendKey={sendKey}
          mode={{
            value: mode,
            roomDefault: roomMode,
            onChange: setPickedMode,
            onMakeDefault:
              role === "owner"
                ? async () => {
                    const result = await api.setRoomMode(mode);
                    if (!result.ok) notify(result.message);
                    else setPickedMode(null);
                  }
                : null,
          }}
          reopen={!showCanvas && active ? { title: active.title, onOpen: () => openCanvas(active.id, true) } : null}
        />
        {showCanvas && !narrow && (
          <Splitter
            value={split}
            onChange={(value) => {
              setSplit(value);
              localStorage.setItem("canvas.split", String(value));
            }}
          />
        )}
        {showCanvas && (
          <div className={`canvas-slot${entering ? " entering" : ""}${narrow ? " sheet" : ""}`}>
            <CanvasPane
              connection={connection}
              api={api}
              identity={identity}
              canvases={canvases}
              canvas={active}
              canWrite={canWrite}
              canComment={canComment}
              canSuggest={canSuggest}
              canRun={canWrite}
              running={running}
              aiSignal={aiSignal}
              panel={panel}
              changesVersion={changesVersion}
              shownChange={shownChange}
              narrow={narrow}
              onPanel={(next) => {
                if (next !== "changes") setShownChange(null);
                setPanel(next);
              }}
              onShowChange={setShownChange}
              onSelect={(canvasId) => {
                setShownChange(null);
                setActiveId(canvasId);
              }}
              onEditor={onEditor}
              onAsk={actions.ask}
              onComment={actions.comment}
              onSuggest={actions.suggest}
              onReply={actions.reply}
              onResolve={actions.resolve}
              onApply={actions.apply}
              suggestionActions={actions.suggestions}
              onAction={actions.action}
              onUndo={actions.undo}
              onRestore={actions.restore}
              onNewCanvas={() => setDialog("new")}
              onImportFiles={(files) => void actions.importFiles(files)}
              onClose={() => setCanvasOpen(false)}
              onNotice={notify}
              onSend={(text) => actions.send(text)}
            />
          </div>
        )}
      </div>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a .md or code file to open it as a canvas
        </div>
      )}
      {dialog === "share" && <ShareDialog api={api} role={role} onClose={() => setDialog(null)} />}
      {dialog === "new" && <NewCanvasDialog onCreate={actions.createCanvas} onClose={() => setDialog(null)} />}
      {dialog === "trash" && (
        <TrashDialog
          api={api}
          canRestore={canWrite}
          onRestored={(canvasId) => {
            wanted.current = canvasId;
            openCanvas(canvasId, false);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "rename-room" && (
        <Dialog title="Rename room" onClose={() => setDialog(null)}>
          <RenameForm
            title={title}
            label="Room title"
            onCancel={() => setDialog(null)}
            onSave={async (next) => {
              const result = await api.renameRoom(next);
              if (!result.ok) return notify(result.message);
              setDialog(null);
            }}
          />
        </Dialog>
      )}
      {dialog === "delete-room" && (
        <Dialog title="Delete this room?" onClose={() => setDialog(null)}>
          <p>
            “{title}” and everything in it — its canvases, chat, comments and versions — will be deleted for everyone,
            and its links will stop working. This cannot be undone.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button ghost" onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() =>
                void api.deleteRoom().then((result) => {
                  if (!result.ok) return notify(result.message);
                  forgetRoom(api.roomId);
                  navigate("/");
                })
              }
            >
              Delete room
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
