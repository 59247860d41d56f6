// The room's menu in the header: rename the room (editors), open the trash, delete the room (owner,
// after a confirmation that names it).
import { useCallback, useRef, useState } from "react";
import { useDismiss } from "../lib/useDismiss.ts";
import type { Role } from "../../shared/roles.ts";

export interface RoomMenuProps {
  role: Role;
  trashCount: number | null;
  onRename: () => void;
  onTrash: () => void;
  onDelete: () => void;
}

export function RoomMenu({ role, trashCount, onRename, onTrash, onDelete }: RoomMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const canWrite = role === "owner" || role === "editor";

  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);

  function pick(action: () => void) {
    setOpen(false);
    action();
  }

  return (
    <div className="room-menu" ref={root}>
      <button
        type="button"
        className="icon-button"
        aria-label="Room menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </button>
      {open && (
        <div
          className="menu right"
          role="menu"
          aria-label="Room"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {canWrite && (
            <button type="button" role="menuitem" className="menu-item" onClick={() => pick(onRename)}>
              Rename room…
            </button>
          )}
          <button type="button" role="menuitem" className="menu-item" onClick={() => pick(onTrash)}>
            Trash{trashCount ? ` (${trashCount})` : ""}
          </button>
          <a className="menu-item" role="menuitem" href="/">
            Your documents
          </a>
          {role === "owner" && (
            <button type="button" role="menuitem" className="menu-item danger-text" onClick={() => pick(onDelete)}>
              Delete room…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
