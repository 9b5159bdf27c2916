import { describe, expect, it } from "vitest";
import { passwordProblems } from "./passwords";
import {
  ACTIONS,
  allowedActions,
  can,
  inScope,
  PERMISSIONS,
  permittedIds,
  RESOURCES,
  ROLES,
} from "./roles";

describe("access table", () => {
  it("names only known resources and actions", () => {
    for (const role of ROLES) {
      for (const [resource, actions] of Object.entries(PERMISSIONS[role])) {
        expect(RESOURCES).toContain(resource);
        for (const action of actions ?? []) expect(ACTIONS).toContain(action);
      }
    }
  });

  it("gives administrators people and audit, and nobody else", () => {
    expect(can("administrator", "deactivate", "user")).toBe(true);
    expect(can("administrator", "verify", "audit_event")).toBe(true);
    for (const role of ROLES.filter((r) => r !== "administrator")) {
      expect(can(role, "read", "user"), role).toBe(false);
      expect(can(role, "read", "audit_event"), role).toBe(false);
      expect(can(role, "create", "organisation"), role).toBe(false);
    }
    expect(allowedActions("viewer", "organisation")).toEqual(["read"]);
    expect(allowedActions("viewer", "user")).toEqual([]);
  });

  it("scope contains the area itself and everything below it, nothing beside it", () => {
    expect(inScope("31.73", "31.73")).toBe(true);
    expect(inScope("31.73", "31.73.01.1004")).toBe(true);
    expect(inScope("31.73.01", "31.73")).toBe(false);
    expect(inScope("31.73", "31.71.01")).toBe(false);
    expect(inScope("31", "31.01.01.1001")).toBe(true);
    expect(
      permittedIds("31.73.07", [
        { id: 1, area: "31.73.07.1006" },
        { id: 2, area: "31.73.01.1004" },
        { id: 3, area: "31.73.07" },
      ]),
    ).toEqual([1, 3]);
  });
});

describe("password rules", () => {
  it("accepts a long passphrase and names each problem of a bad one", () => {
    expect(passwordProblems("correct horse battery staple", "lurah@example.test")).toEqual([]);
    expect(passwordProblems("short")).toEqual(["too_short"]);
    expect(passwordProblems("aaaaaaaaaaaaaaaa")).toEqual(["too_simple"]);
    expect(passwordProblems("my name is lurah and more", "lurah@example.test")).toEqual([
      "contains_email",
    ]);
    expect(passwordProblems("x".repeat(300))).toEqual(["too_long", "too_simple"]);
  });
});
