// The chat pane: the conversation (shared live through the room's Y.Doc) and the composer.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CanvasMeta, ChatMessageView } from "../../shared/room.ts";
import { ChatMessage } from "./ChatMessage.tsx";
import type { EditMode } from "../../shared/suggestions/record.ts";
import { sendHint, sendsMessage, type SendKey } from "../lib/settings.ts";

export interface ChatPaneProps {
  messages: ChatMessageView[];
  canvases: CanvasMeta[];
  canRun: boolean;
  readOnlyReason: string | null;
  running: boolean;
  notice: string | null;
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  onRetry: (message: ChatMessageView) => void;
  onFeedback: (message: ChatMessageView, value: "up" | "down") => void;
  onShowChange: (canvasId: string, changeId: string | null) => void;
  onNewCanvas: (() => void) | null;
  sendKey: SendKey;
  /** How the model's edits land: written directly, or proposed as suggestions; the owner can make it the default. */
  mode: {
    value: EditMode;
    roomDefault: EditMode;
    onChange: (mode: EditMode) => void;
    onMakeDefault: (() => void) | null;
  };
  /** The closed canvas to reopen, shown above the composer (never over the Send button). */
  reopen: { title: string; onOpen: () => void } | null;
}

const SUGGESTIONS = [
  "Write a short essay on why cities should plant more trees",
  "Write a Python script that renames photos by the date they were taken",
  "What is the difference between a process and a thread?",
];

export function ChatPane(props: ChatPaneProps) {
  const { messages, canRun, running } = props;
  const [draft, setDraft] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  useEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  }, [messages]);

  async function send(text = draft) {
    if (!text.trim() || running || !canRun) return;
    const sent = await props.onSend(text.trim());
    if (sent && text === draft) setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (sendsMessage(event.nativeEvent, props.sendKey)) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <section className="chat-pane" aria-label="Chat">
      <div
        className="chat-list"
        ref={listRef}
        onScroll={(event) => {
          const el = event.currentTarget;
          stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
        }}
        aria-live="polite"
      >
        {messages.length === 0 && (
          <div className="chat-empty">
            <h2>What are we working on?</h2>
            <p>
              Ask a question, or ask for a document or a program — Canvas AI opens a canvas when the work deserves one.
            </p>
            {canRun && (
              <div className="suggestions">
                {SUGGESTIONS.map((suggestion) => (
                  <button key={suggestion} type="button" className="suggestion" onClick={() => void send(suggestion)}>
                    {suggestion}
                  </button>
                ))}
              </div>
            )}
            {props.onNewCanvas && (
              <button type="button" className="button ghost" onClick={props.onNewCanvas}>
                Or start a blank canvas yourself
              </button>
            )}
          </div>
        )}
        {messages.map((message, index) => (
          <ChatMessage
            key={message.id}
            message={message}
            canvases={props.canvases}
            // Retry belongs to the latest failed answer only; older failures were already followed up.
            canRun={canRun && !running && index === messages.length - 1}
            onRetry={props.onRetry}
            onFeedback={props.onFeedback}
            onShowChange={props.onShowChange}
          />
        ))}
      </div>
      {props.notice && (
        <p className="chat-notice" role="status">
          {props.notice}
        </p>
      )}
      {props.reopen && (
        <button type="button" className="reopen-canvas" onClick={props.reopen.onOpen}>
          <span aria-hidden="true">◧</span> Open canvas “{props.reopen.title}”
        </button>
      )}
      <form
        className="composer"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label htmlFor="composer-input" className="visually-hidden">
          Message Canvas AI
        </label>
        <textarea
          id="composer-input"
          value={draft}
          rows={3}
          disabled={!canRun}
          placeholder={props.readOnlyReason ?? "Message Canvas AI…"}
          enterKeyHint="send"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <div className="composer-actions">
          {canRun && <ModePicker {...props.mode} disabled={running} />}
          <span className="hint">{running ? "Esc stops" : sendHint(props.sendKey)}</span>
          {running ? (
            <button type="button" className="button danger" onClick={props.onStop} disabled={!canRun}>
              ■ Stop
            </button>
          ) : (
            <button type="submit" className="button primary" disabled={!canRun || !draft.trim()}>
              Send
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

const MODE_LABELS: Record<EditMode, string> = { edit: "Edit directly", suggest: "Suggest" };

/** Edit directly or Suggest, for the next messages; the room's default is marked and the owner can change it. */
function ModePicker(props: ChatPaneProps["mode"] & { disabled: boolean }) {
  return (
    <span className="mode-picker">
      <span className="segmented small" role="radiogroup" aria-label="How Canvas AI changes the canvas">
        {(["edit", "suggest"] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={props.value === mode}
            className={props.value === mode ? "active" : ""}
            disabled={props.disabled}
            title={
              mode === "suggest"
                ? "The model proposes its edits as suggestions; people accept or reject them"
                : "The model writes its edits into the canvas"
            }
            onClick={() => props.onChange(mode)}
          >
            {MODE_LABELS[mode]}
            {props.roomDefault === mode ? <span className="visually-hidden"> (room default)</span> : null}
          </button>
        ))}
      </span>
      {props.onMakeDefault && props.value !== props.roomDefault && (
        <button type="button" className="button small ghost" onClick={props.onMakeDefault}>
          Make default
        </button>
      )}
    </span>
  );
}
