// The room header: title, connection state, engine label, who is here, my name/colour, share.
import { useState, type FormEvent } from "react";
import type { ConnectionState } from "../lib/useRoomConnection.ts";
import type { PresentUser } from "../lib/yHooks.ts";
import { IDENTITY_COLORS, type Identity } from "../lib/identity.ts";
import { can } from "../../shared/roles.ts";
import type { SendKey } from "../lib/settings.ts";
import type { RoomInfo } from "../lib/api.ts";
import { RoomMenu } from "./RoomMenu.tsx";
import { AI_AUTHOR, imitatesAi } from "../../shared/origins.ts";

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  online: "Online",
  reconnecting: "Reconnecting…",
  offline: "Offline — edits sync when back",
  unsaved: "Changes can't be saved right now — retrying",
  refused: "Disconnected",
};

export interface RoomHeaderProps {
  title: string;
  info: RoomInfo | null;
  connection: ConnectionState;
  users: PresentUser[];
  identity: Identity;
  onIdentity: (identity: Identity) => void;
  onShare: () => void;
  trashCount: number;
  onRenameRoom: () => void;
  onTrash: () => void;
  onDeleteRoom: () => void;
  /** Send with Enter (default) or Ctrl/⌘+Enter; chosen in the identity popover. */
  sendKey: SendKey;
  onSendKey: (key: SendKey) => void;
}

export function RoomHeader(props: RoomHeaderProps) {
  const { title, info, connection, users, identity, onIdentity, onShare } = props;
  const [editing, setEditing] = useState(false);
  return (
    <header className="room-header">
      <a className="brand" href="/" aria-label="Canvas home">
        <span className="brand-mark small" aria-hidden="true">
          ◧
        </span>
      </a>
      <h1 className="room-title">{title}</h1>
      <span className={`connection-badge ${connection}`} role="status" aria-live="polite">
        <span className="dot" aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
      </span>
      {info?.engine.kind === "local" && (
        <span
          className="engine-badge"
          title="No model is configured: answers come from the built-in offline rules. Set OPENAI_API_KEY on the server for a model."
        >
          Offline engine
        </span>
      )}
      {info?.engine.kind === "openai" && <span className="engine-badge model">{info.engine.model}</span>}
      {info && !can(info.role, "write") && (
        <span className="role-badge">{info.role === "viewer" ? "View only" : "Can comment"}</span>
      )}
      <div className="header-spacer" />
      <ul className="presence" aria-label="People in this room">
        {users.map((user) => (
          <li
            key={user.clientId}
            className={`avatar${user.isAi ? " ai" : ""}${user.isAgent ? " agent" : ""}`}
            style={{ backgroundColor: user.color }}
            title={presenceLabel(user)}
          >
            <span aria-hidden="true">{user.isAi && !user.isAgent ? "✦" : user.name.slice(0, 1).toUpperCase()}</span>
            <span className="visually-hidden">{presenceLabel(user)}</span>
          </li>
        ))}
      </ul>
      <div className="identity">
        <button
          type="button"
          className="identity-button"
          onClick={() => setEditing((value) => !value)}
          aria-expanded={editing}
          aria-label={`Your name: ${identity.name}. Change it`}
        >
          <span className="swatch" style={{ backgroundColor: identity.color }} aria-hidden="true" />
          {identity.name}
        </button>
        {editing && (
          <IdentityEditor
            identity={identity}
            sendKey={props.sendKey}
            onSendKey={props.onSendKey}
            onSave={(next) => {
              onIdentity(next);
              setEditing(false);
            }}
          />
        )}
      </div>
      <button type="button" className="button small primary" onClick={onShare}>
        Share
      </button>
      <RoomMenu
        role={info?.role ?? "viewer"}
        trashCount={props.trashCount}
        onRename={props.onRenameRoom}
        onTrash={props.onTrash}
        onDelete={props.onDeleteRoom}
      />
    </header>
  );
}

function IdentityEditor({
  identity,
  sendKey,
  onSendKey,
  onSave,
}: {
  identity: Identity;
  sendKey: SendKey;
  onSendKey: (key: SendKey) => void;
  onSave: (identity: Identity) => void;
}) {
  const [name, setName] = useState(identity.name);
  const [color, setColor] = useState(identity.color);
  const taken = imitatesAi(name);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() && !taken) onSave({ ...identity, name: name.trim().slice(0, 80), color });
  }
  return (
    <form className="identity-editor" onSubmit={submit}>
      <label>
        Your name
        <input
          value={name}
          maxLength={80}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={taken}
          autoFocus
        />
      </label>
      {taken && (
        <p role="alert" className="error-text">
          “{AI_AUTHOR.name}” is the AI's name. Pick another.
        </p>
      )}
      <div className="color-row" role="radiogroup" aria-label="Your colour">
        {IDENTITY_COLORS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={option === color}
            aria-label={option}
            className={`color-choice${option === color ? " chosen" : ""}`}
            style={{ backgroundColor: option }}
            onClick={() => setColor(option)}
          />
        ))}
      </div>
      <fieldset className="send-key">
        <legend>Send messages with</legend>
        <label>
          <input type="radio" name="send-key" checked={sendKey === "enter"} onChange={() => onSendKey("enter")} /> Enter{" "}
          <span className="muted">(Shift+Enter for a new line)</span>
        </label>
        <label>
          <input
            type="radio"
            name="send-key"
            checked={sendKey === "mod-enter"}
            onChange={() => onSendKey("mod-enter")}
          />{" "}
          Ctrl/⌘+Enter <span className="muted">(Enter for a new line)</span>
        </label>
      </fieldset>
      <button type="submit" className="button small primary">
        Save
      </button>
    </form>
  );
}

function presenceLabel(user: PresentUser): string {
  if (user.isAgent) return `${user.name} (an agent connected over MCP)`;
  return `${user.name}${user.isMe ? " (you)" : ""}`;
}
