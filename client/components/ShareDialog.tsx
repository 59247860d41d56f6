// Share dialog: the four role links. An owner gets them from the server (sealed there under the owner
// token), so they can be copied from any browser; the owner can rotate any link (the old one stops working).
import { useEffect, useState } from "react";
import { ROLES, type Role, type RoleLinks } from "../../shared/roles.ts";
import type { Api } from "../lib/api.ts";
import { rememberLinks, rememberedLinks } from "../lib/roomLinks.ts";
import { Dialog } from "./Dialog.tsx";

const ROLE_TEXT: Record<Role, string> = {
  owner: "Full control, including these links",
  editor: "Can edit canvases and ask Canvas AI",
  commenter: "Can read and comment",
  viewer: "Can only read",
};

export function ShareDialog({ api, role, onClose }: { api: Api; role: Role; onClose: () => void }) {
  const [links, setLinks] = useState<Partial<RoleLinks>>(() => rememberedLinks(api.roomId) ?? {});
  const [copied, setCopied] = useState<Role | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isOwner = role === "owner";
  const mine = window.location.href;
  const shown: Role[] = isOwner ? [...ROLES] : [role];

  useEffect(() => {
    if (!isOwner) return;
    let live = true;
    void api.links().then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.message);
      setLinks((current) => ({ ...current, ...result.value.links }));
    });
    return () => {
      live = false;
    };
  }, [api, isOwner]);

  async function rotate(target: Role) {
    if (!window.confirm(`Make a new ${target} link? The current ${target} link stops working.`)) return;
    const result = await api.rotateLink(target);
    if (!result.ok) return setError(result.message);
    const next = { ...links, [target]: result.value.link };
    setLinks(next);
    if (next.owner && next.editor && next.commenter && next.viewer) rememberLinks(api.roomId, next as RoleLinks);
  }

  async function copy(target: Role, link: string) {
    await navigator.clipboard.writeText(link).catch(() => undefined);
    setCopied(target);
    setTimeout(() => setCopied(null), 1500);
  }

  return (
    <Dialog title="Share this room" onClose={onClose}>
      {!isOwner && <p className="muted">You joined as {role}. Only the owner can hand out other links.</p>}
      <ul className="share-list">
        {shown.map((target) => {
          const link = links[target] ?? (target === role ? mine : undefined);
          return (
            <li key={target}>
              <div className="share-role">
                <strong>{target}</strong>
                <span className="muted">{ROLE_TEXT[target]}</span>
              </div>
              <div className="share-link-row">
                <input
                  readOnly
                  value={link ?? "No link known — make a new one"}
                  aria-label={`${target} link`}
                  onFocus={(event) => event.target.select()}
                />
                {link && (
                  <button type="button" className="button small" onClick={() => void copy(target, link)}>
                    {copied === target ? "Copied" : "Copy"}
                  </button>
                )}
                {isOwner && (
                  <button type="button" className="button small ghost" onClick={() => void rotate(target)}>
                    New link
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Dialog>
  );
}
