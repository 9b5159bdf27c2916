import { describe, expect, it } from "vitest";
import {
  type AuditEventContent,
  eventHash,
  GENESIS_HASH,
  type StoredAuditEvent,
  verifyChain,
} from "./chain";

function chainOf(n: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: AuditEventContent = {
      id: String(i),
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorUserId: i % 2 ? "u1" : null,
      action: "organisation.update",
      resource: "organisation",
      recordId: `r${i}`,
      changedFields: ["name"],
      requestId: `q${i}`,
      ip: "127.0.0.1",
    };
    const hash = eventHash(content, prev);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("verifies an intact chain and an empty one", () => {
    expect(verifyChain(chainOf(5))).toMatchObject({ ok: true, checked: 5 });
    expect(verifyChain([])).toMatchObject({ ok: true, checked: 0, lastHash: GENESIS_HASH });
  });

  it("names the altered event when any field changes", () => {
    for (const field of [
      "occurredAt",
      "actorUserId",
      "action",
      "resource",
      "recordId",
      "requestId",
      "ip",
    ] as const) {
      const events = chainOf(5);
      events[2] = { ...events[2]!, [field]: "tampered" };
      expect(verifyChain(events), field).toMatchObject({
        ok: false,
        brokenAt: "3",
        reason: "hash",
        checked: 2,
      });
    }
    const fields = chainOf(4);
    fields[1] = { ...fields[1]!, changedFields: ["name", "areaCode"] };
    expect(verifyChain(fields)).toMatchObject({ ok: false, brokenAt: "2" });
  });

  it("detects a removed or reordered event by its broken link", () => {
    const removed = chainOf(5);
    removed.splice(1, 1);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: "3", reason: "prev_hash" });
    const swapped = chainOf(5);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: "3" });
  });

  it("continues across pages from a saved position", () => {
    const events = chainOf(6);
    const first = verifyChain(events.slice(0, 3));
    expect(first.ok).toBe(true);
    expect(
      verifyChain(events.slice(3), { prevHash: first.lastHash, checked: first.checked }),
    ).toMatchObject({ ok: true, checked: 6 });
  });
});
