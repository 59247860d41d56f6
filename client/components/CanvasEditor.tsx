// The live editor of one canvas: Tiptap bound to the canvas's Y.XmlFragment, with the toolbar (or the
// code header), the selection box, comment highlights and the comments rail.
import { useEffect, useRef, useState } from "react";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import type { CanvasMeta, CommentRecord } from "../../shared/room.ts";
import type { RoomConnection } from "../lib/useRoomConnection.ts";
import type { Identity } from "../lib/identity.ts";
import { editorExtensions } from "../editor/extensions.ts";
import { trackAiActivity, type AiActivity } from "../editor/aiActivity.ts";
import { Toolbar } from "./Toolbar.tsx";
import { SelectionBubble, type SelectionBubbleProps } from "./SelectionBubble.tsx";
import { CommentsRail, type CommentsRailProps } from "./CommentsRail.tsx";
import { CodeHeader } from "./CodeHeader.tsx";
import { SuggestionsPanel, type SuggestionActions } from "./SuggestionsPanel.tsx";
import type { SuggestionCommands } from "../editor/suggestions.ts";

/** Set by the room when it expects a remote change it asked for (undo, restore, apply) to be highlighted. */
export interface AiSignal {
  expectUntil: number;
}

export interface CanvasEditorProps {
  connection: RoomConnection;
  canvas: CanvasMeta;
  identity: Identity;
  canWrite: boolean;
  canComment: boolean;
  canSuggest: boolean;
  canAsk: boolean;
  comments: CommentRecord[];
  aiSignal: AiSignal;
  onEditor: (editor: Editor | null) => void;
  onAsk: SelectionBubbleProps["onAsk"];
  onComment: SelectionBubbleProps["onComment"];
  onSuggest: SelectionBubbleProps["onSuggest"];
  onReply: CommentsRailProps["onReply"];
  onResolve: CommentsRailProps["onResolve"];
  onApply: CommentsRailProps["onApply"];
  suggestionActions: SuggestionActions;
}

export function CanvasEditor(props: CanvasEditorProps) {
  const { connection, canvas, identity, canWrite } = props;
  const signal = useRef(props.aiSignal);
  signal.current = props.aiSignal;
  const isCode = canvas.kind === "code";
  const activity = useRef<AiActivity | null>(null);
  const suggestionCommands = useRef<SuggestionCommands | null>(null);
  useEffect(() => {
    const tracker = trackAiActivity(connection.doc, connection.provider.awareness);
    activity.current = tracker;
    return () => {
      tracker.dispose();
      activity.current = null;
    };
  }, [connection.doc, connection.provider]);

  const editor = useEditor(
    {
      extensions: editorExtensions({
        doc: connection.doc,
        provider: connection.provider,
        identity,
        canvas,
        suggestionCommands,
        ai: {
          isAiChange: () => activity.current?.isChanging(canvas.id) === true || signal.current.expectUntil > Date.now(),
          onAiChange: () => undefined,
        },
      }),
      editable: canWrite,
      shouldRerenderOnTransaction: false,
      immediatelyRender: true,
      editorProps: {
        attributes: {
          class: `canvas-doc${isCode ? " code" : ""}`,
          "aria-label": `${canvas.title} (${isCode ? "code" : "document"} canvas)`,
          spellcheck: isCode ? "false" : "true",
        },
      },
    },
    [connection.doc, connection.provider, canvas.id],
  );

  useEffect(() => {
    if (editor.isEditable !== canWrite) editor.setEditable(canWrite);
  }, [editor, canWrite]);

  const { onEditor } = props;
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  useEffect(() => {
    connection.provider.awareness.setLocalStateField("canvasId", canvas.id);
  }, [connection, canvas.id]);

  useEffect(() => {
    connection.provider.awareness.setLocalStateField("user", {
      id: identity.id,
      name: identity.name,
      color: identity.color,
    });
    if (!editor.isDestroyed)
      editor.commands.updateUser({ id: identity.id, name: identity.name, color: identity.color });
  }, [connection, editor, identity.id, identity.name, identity.color]);

  return (
    <div className={`canvas-editor${isCode ? " is-code" : ""}${canWrite ? "" : " read-only"}`}>
      {isCode ? (
        <CodeHeader editor={editor} canvas={canvas} doc={connection.doc} canWrite={canWrite} />
      ) : (
        canWrite && <Toolbar editor={editor} />
      )}
      <SuggestionsPanel
        editor={editor}
        doc={connection.doc}
        canvasId={canvas.id}
        canDecide={canWrite}
        actions={props.suggestionActions}
        commands={suggestionCommands}
      />
      <div className="canvas-scroll">
        <div className="canvas-sheet">
          <div className="canvas-page">
            {isCode ? <CodeWithGutter editor={editor} /> : <EditorContent editor={editor} />}
            <SelectionBubble
              editor={editor}
              canAsk={props.canAsk}
              canComment={props.canComment}
              canSuggest={props.canSuggest}
              kind={canvas.kind}
              onAsk={props.onAsk}
              onComment={props.onComment}
              onSuggest={props.onSuggest}
            />
          </div>
          <CommentsRail
            editor={editor}
            comments={props.comments}
            canComment={props.canComment}
            canApply={canWrite}
            onReply={props.onReply}
            onResolve={props.onResolve}
            onApply={props.onApply}
          />
        </div>
      </div>
    </div>
  );
}

function lineCount(editor: Editor): number {
  let lines = 0;
  editor.state.doc.forEach((block) => {
    lines += block.type.name === "codeBlock" ? block.textContent.split("\n").length : 1;
  });
  return Math.max(1, lines);
}

/** Code canvases show line numbers: a gutter of CSS-counter rows beside the one code block. */
function CodeWithGutter({ editor }: { editor: Editor }) {
  const [lines, setLines] = useState(() => lineCount(editor));
  useEffect(() => {
    const update = () => setLines(lineCount(editor));
    update();
    editor.on("update", update);
    return () => {
      editor.off("update", update);
    };
  }, [editor]);
  return (
    <div className="code-with-gutter">
      <div className="line-gutter" aria-hidden="true">
        {Array.from({ length: lines }, (_, index) => (
          <span key={index} />
        ))}
      </div>
      <EditorContent editor={editor} className="code-content" />
    </div>
  );
}
