import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, type Action, type Role } from "../../shared/roles.ts";
import { hashToken, newToken } from "../../server/auth/tokens.ts";

const EXPECTED: Record<Role, Action[]> = {
  owner: ["read", "comment", "write", "run_agent", "manage_links", "delete_room"],
  editor: ["read", "comment", "write", "run_agent"],
  commenter: ["read", "comment"],
  viewer: ["read"],
};

describe("roles", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`a ${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("no role may do anything without a token", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("tokens carry 128 bits and are stored as a hash that does not reveal them", () => {
    const token = newToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
