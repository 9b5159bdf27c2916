/**
 * Meetings, input items and follow-up actions over the real API and database (PGlite and
 * PostgreSQL): the meeting-to-action journey with exact counts, overdue flags, dropping with
 * a reason, "my actions", the weekly digest, scope, audit and attachments.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/domain/access/roles";
import {
  addDays,
  isoWeekOf,
  isoWeekRange,
  jakartaToday,
} from "../../src/server/modules/meetings/weeks";
import { seedDemo } from "../../src/server/system/accounts";
import { seedDemoMeetings } from "../../src/server/system/demo-meetings";
import { createTestApp, type TestApp } from "../app";
import { createTestDatabase } from "../db";
import { type Client, newOrganisation, newUser, signIn } from "../factories";

let t: TestApp;
let officer: Client; // programme officer, Jakarta Barat, organisation orgBnnp
let kelurahan: Client; // kelurahan officer of Kedaung Kali Angke, organisation orgKel
let outsider: Client; // programme officer in Jakarta Pusat
let officerId: string;
let orgBnnp: string;
let orgKel: string;
let orgKesbang: string;
let orgPusat: string;
let meetingId: string;
const items: string[] = [];
const actions: string[] = [];

const today = jakartaToday();
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("rest of a tiny png"),
]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgBnnp = await newOrganisation(db, { areaCode: "31", type: "bnn" });
  orgKel = await newOrganisation(db, { areaCode: "31.73.01.1004", type: "kelurahan_office" });
  orgKesbang = await newOrganisation(db, { areaCode: "31.73", type: "city" });
  orgPusat = await newOrganisation(db, { areaCode: "31.71", type: "city" });
  const po = await newUser(db, {
    role: "programme_officer",
    scope: "31.73",
    organisationId: orgBnnp,
  });
  officerId = po.id;
  officer = await signIn(t.app, po);
  kelurahan = await signIn(
    t.app,
    await newUser(db, {
      role: "kelurahan_officer",
      scope: "31.73.01.1004",
      organisationId: orgKel,
    }),
  );
  outsider = await signIn(
    t.app,
    await newUser(db, { role: "programme_officer", scope: "31.71", organisationId: orgPusat }),
  );
});
afterAll(async () => {
  await t?.close();
});

describe("a meeting with three input items turned into two actions", () => {
  it("creates the meeting with attendees", async () => {
    const res = await officer.request({
      method: "POST",
      url: "/api/meetings",
      payload: {
        heldOn: today,
        startTime: "09:30",
        place: "Kantor Wali Kota Jakarta Barat",
        title: "Audiensi BNNP DKI Jakarta dengan Wali Kota Jakarta Barat",
        kind: "audience",
        organiserOrganisationId: orgKesbang,
        areaCode: "31.73",
        minutes: "Sepakat memperkuat pencegahan di lokasi rawan.",
        attendeeOrganisationIds: [orgBnnp, orgKel, orgKesbang],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    meetingId = body.id;
    expect(body.kind).toBe("audience");
    expect(body.startTime).toBe("09:30");
    expect(body.attendees.map((a: { id: string }) => a.id).sort()).toEqual(
      [orgBnnp, orgKel, orgKesbang].sort(),
    );
    expect(body.inputItemCount).toBe(0);
  });

  it("refuses a meeting outside the scope and a bad time", async () => {
    const out = await officer.request({
      method: "POST",
      url: "/api/meetings",
      payload: {
        heldOn: today,
        title: "Rapat di luar wilayah",
        kind: "other",
        organiserOrganisationId: orgKesbang,
        areaCode: "31.71",
      },
    });
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe("SCOPE_VIOLATION");
    const bad = await officer.request({
      method: "POST",
      url: "/api/meetings",
      payload: {
        heldOn: today,
        startTime: "25:00",
        title: "Jam salah",
        kind: "other",
        organiserOrganisationId: orgKesbang,
        areaCode: "31.73",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("records three input items with their areas", async () => {
    const payloads = [
      {
        raisedByOrganisationId: orgBnnp,
        raisedBy: "Kepala BNNP DKI Jakarta",
        topic: "Intensifkan intervensi di Kampung Ambon",
        priority: "high",
        areaCodes: ["31.73.01.1004"],
      },
      {
        raisedByOrganisationId: orgKesbang,
        topic: "Peta permasalahan narkoba tingkat kota",
        priority: "medium",
        areaCodes: ["31.73"],
      },
      {
        raisedBy: "Lurah Kota Bambu Selatan",
        topic: "Rehabilitasi berbasis masyarakat di Kampung Boncos",
        priority: "low",
        areaCodes: ["31.73.07.1006"],
      },
    ];
    for (const payload of payloads) {
      const res = await officer.request({
        method: "POST",
        url: `/api/meetings/${meetingId}/input-items`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe("open");
      items.push(res.json().id);
    }
    const first = await officer.request({ method: "GET", url: `/api/input-items/${items[0]}` });
    expect(first.json().areas).toEqual([{ code: "31.73.01.1004", name: expect.any(String) }]);
    expect(first.json().raisedByOrganisation.id).toBe(orgBnnp);
  });

  it("refuses an input item about an area outside the meeting, or with nobody raising it", async () => {
    const outside = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/input-items`,
      payload: {
        raisedBy: "Warga",
        topic: "Di luar wilayah",
        priority: "low",
        areaCodes: ["31.71.01.1001"],
      },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe("VALIDATION_FAILED");
    const nobody = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/input-items`,
      payload: { topic: "Tanpa pengusul", priority: "low" },
    });
    expect(nobody.statusCode).toBe(400);
    const count = await t.database.db
      .selectFrom("input_items")
      .where("meeting_id", "=", meetingId)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("turns two items into actions: one overdue, one due later", async () => {
    const overdue = await officer.request({
      method: "POST",
      url: `/api/input-items/${items[0]}/follow-ups`,
      payload: {
        title: "Operasi terpadu dan penjangkauan di Kampung Ambon",
        ownerOrganisationId: orgKel,
        dueOn: addDays(today, -10),
      },
    });
    expect(overdue.statusCode, overdue.body).toBe(201);
    expect(overdue.json().overdue).toBe(true);
    expect(overdue.json().daysOverdue).toBe(10);
    actions.push(overdue.json().id);
    const later = await officer.request({
      method: "POST",
      url: `/api/input-items/${items[1]}/follow-ups`,
      payload: {
        title: "Susun peta permasalahan narkoba Jakarta Barat",
        ownerOrganisationId: orgBnnp,
        assigneeUserId: officerId,
        dueOn: addDays(today, 3),
      },
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().overdue).toBe(false);
    expect(later.json().assignee.id).toBe(officerId);
    actions.push(later.json().id);

    const meeting = (
      await officer.request({ method: "GET", url: `/api/meetings/${meetingId}` })
    ).json();
    expect(meeting.inputItemCount).toBe(3);
    expect(meeting.actionCount).toBe(2);
    expect(meeting.openActionCount).toBe(2);
    expect(meeting.overdueActionCount).toBe(1);
    expect(meeting.inputItems.map((i: { status: string }) => i.status)).toEqual([
      "action",
      "action",
      "open",
    ]);
    expect(meeting.inputItems.map((i: { followUps: unknown[] }) => i.followUps.length)).toEqual([
      1, 1, 0,
    ]);
  });

  it("refuses an assignee from another organisation", async () => {
    const res = await officer.request({
      method: "POST",
      url: `/api/input-items/${items[2]}/follow-ups`,
      payload: {
        title: "Salah petugas",
        ownerOrganisationId: orgKel,
        assigneeUserId: officerId,
        dueOn: today,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("declining an item needs a reason", async () => {
    const bare = await officer.request({
      method: "PATCH",
      url: `/api/input-items/${items[2]}`,
      payload: { status: "declined" },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([
      { field: "declineReason", problem: "required when declined" },
    ]);
    const ok = await officer.request({
      method: "PATCH",
      url: `/api/input-items/${items[2]}`,
      payload: { status: "accepted" },
    });
    expect(ok.json().status).toBe("accepted");
  });

  it("lists actions with the overdue filter and flag", async () => {
    const overdue = (
      await officer.request({ method: "GET", url: "/api/follow-ups?overdue=true" })
    ).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0].id).toBe(actions[0]);
    expect(overdue.items[0].overdue).toBe(true);
    const notOverdue = (
      await officer.request({ method: "GET", url: "/api/follow-ups?overdue=false" })
    ).json();
    expect(notOverdue.items.map((i: { id: string }) => i.id)).toEqual([actions[1]]);
    const byOrg = (
      await officer.request({ method: "GET", url: `/api/follow-ups?organisation=${orgKel}` })
    ).json();
    expect(byOrg.items.map((i: { id: string }) => i.id)).toEqual([actions[0]]);
    const byArea = (
      await officer.request({ method: "GET", url: "/api/follow-ups?area=31.73.01" })
    ).json();
    // The meeting's area (31.73) is not inside 31.73.01; the Kampung Ambon item is.
    expect(byArea.items.map((i: { id: string }) => i.id)).toEqual([actions[0]]);
  });

  it("exports the action list as CSV", async () => {
    const res = await officer.request({ method: "GET", url: "/api/follow-ups?format=csv" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("tenggat");
    expect(lines[1]).toContain("Kampung Ambon");
    expect(lines[1]).toContain(",ya,10,");
  });
});

describe("follow-up status", () => {
  it("a kelurahan officer sees the action of its organisation and may change only its status", async () => {
    const mine = (await kelurahan.request({ method: "GET", url: "/api/follow-ups/mine" })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([actions[0]]);
    expect(mine.items[0].overdue).toBe(true);
    // The meeting itself (Jakarta Barat) is outside the kelurahan officer's scope.
    const meeting = await kelurahan.request({ method: "GET", url: `/api/meetings/${meetingId}` });
    expect(meeting.statusCode).toBe(404);
    const retitle = await kelurahan.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[0]}`,
      payload: { title: "Judul baru" },
    });
    expect(retitle.statusCode).toBe(403);
    const progress = await kelurahan.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[0]}`,
      payload: { status: "in_progress" },
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().status).toBe("in_progress");
    expect(progress.json().overdue).toBe(true);
    const create = await kelurahan.request({
      method: "POST",
      url: `/api/input-items/${items[2]}/follow-ups`,
      payload: { title: "Tidak boleh", ownerOrganisationId: orgKel, dueOn: today },
    });
    expect(create.statusCode).toBe(403);
  });

  it("dropping needs a reason; done sets completed_at and clears overdue", async () => {
    const bare = await officer.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[1]}`,
      payload: { status: "dropped" },
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe("VALIDATION_FAILED");
    expect(bare.json().error.details).toEqual([
      { field: "dropReason", problem: "required when dropped" },
    ]);
    const blank = await officer.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[1]}`,
      payload: { status: "dropped", dropReason: "   " },
    });
    expect(blank.statusCode).toBe(400);
    const unchanged = (
      await officer.request({ method: "GET", url: `/api/follow-ups/${actions[1]}` })
    ).json();
    expect(unchanged.status).toBe("open");

    const done = await kelurahan.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[0]}`,
      payload: { status: "done" },
    });
    expect(done.json().status).toBe("done");
    expect(done.json().overdue).toBe(false);
    expect(done.json().completedAt).not.toBeNull();
    const overdue = (
      await officer.request({ method: "GET", url: "/api/follow-ups?overdue=true" })
    ).json();
    expect(overdue.total).toBe(0);
  });

  it("my actions: owned by my organisation or assigned to me, still to do", async () => {
    const mine = (await officer.request({ method: "GET", url: "/api/follow-ups/mine" })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([actions[1]]);
    const kel = (await kelurahan.request({ method: "GET", url: "/api/follow-ups/mine" })).json();
    expect(kel.total).toBe(0);
    const kelAll = (
      await kelurahan.request({ method: "GET", url: "/api/follow-ups/mine?all=true" })
    ).json();
    expect(kelAll.items.map((i: { status: string }) => i.status)).toEqual(["done"]);
  });
});

describe("weekly digest", () => {
  let digestMeeting: string;
  const week = "2026-W10"; // 2026-03-02 .. 2026-03-08

  it("counts new input items, actions due, overdue and done in the week", async () => {
    expect(isoWeekRange(week)).toEqual({ start: "2026-03-02", end: "2026-03-08" });
    expect(isoWeekOf("2026-03-08")).toBe(week);
    const m = await officer.request({
      method: "POST",
      url: "/api/meetings",
      payload: {
        heldOn: "2026-03-03",
        title: "Rapat koordinasi Tim Terpadu P4GN",
        kind: "coordination",
        organiserOrganisationId: orgKesbang,
        areaCode: "31.73",
      },
    });
    digestMeeting = m.json().id;
    const newItems: string[] = [];
    for (const topic of ["Tes urine di sekolah", "Pelatihan penggiat"]) {
      const r = await officer.request({
        method: "POST",
        url: `/api/meetings/${digestMeeting}/input-items`,
        payload: { raisedByOrganisationId: orgKesbang, topic, priority: "medium" },
      });
      newItems.push(r.json().id);
    }
    const add = async (title: string, dueOn: string) =>
      (
        await officer.request({
          method: "POST",
          url: `/api/input-items/${newItems[0]}/follow-ups`,
          payload: { title, ownerOrganisationId: orgBnnp, dueOn },
        })
      ).json().id as string;
    const dueInWeek = await add("Jadwal tes urine", "2026-03-05");
    const dueInWeekDone = await add("Surat ke sekolah", "2026-03-06");
    const overdueBefore = await add("Data sekolah", "2026-02-20");
    const droppedInWeek = await add("Dibatalkan", "2026-03-04");
    await add("Nanti", "2026-04-01");
    // Done "in the week": completed_at set inside it directly (the API stamps now()).
    await t.database.db
      .updateTable("follow_up_actions")
      .set({ status: "done", completed_at: "2026-03-06T10:00:00+07:00" })
      .where("id", "=", dueInWeekDone)
      .execute();
    await officer.request({
      method: "PATCH",
      url: `/api/follow-ups/${droppedInWeek}`,
      payload: { status: "dropped", dropReason: "Digabung dengan kegiatan lain" },
    });
    const res = await officer.request({
      method: "GET",
      url: `/api/follow-ups/digest?week=${week}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const digest = res.json();
    expect(digest.start).toBe("2026-03-02");
    expect(digest.end).toBe("2026-03-08");
    expect(digest.asOf).toBe("2026-03-09");
    expect(digest.counts).toEqual({
      newInputItems: 2,
      dueThisWeek: 2,
      overdue: 2,
      doneThisWeek: 1,
    });
    expect(digest.dueThisWeek.map((a: { id: string }) => a.id)).toEqual([dueInWeek, dueInWeekDone]);
    expect(digest.overdue.map((a: { id: string }) => a.id).sort()).toEqual(
      [overdueBefore, dueInWeek].sort(),
    );
    expect(digest.doneThisWeek.map((a: { id: string }) => a.id)).toEqual([dueInWeekDone]);
  });

  it("refuses a week that does not exist", async () => {
    const res = await officer.request({
      method: "GET",
      url: "/api/follow-ups/digest?week=2025-W53",
    });
    expect(res.statusCode).toBe(400);
    const malformed = await officer.request({
      method: "GET",
      url: "/api/follow-ups/digest?week=2026-10",
    });
    expect(malformed.statusCode).toBe(400);
  });
});

describe("scope, audit and attachments", () => {
  it("answers 404 outside the scope and hides records from lists", async () => {
    expect(
      (await outsider.request({ method: "GET", url: `/api/meetings/${meetingId}` })).statusCode,
    ).toBe(404);
    expect(
      (await outsider.request({ method: "GET", url: `/api/input-items/${items[0]}` })).statusCode,
    ).toBe(404);
    expect(
      (await outsider.request({ method: "GET", url: `/api/follow-ups/${actions[1]}` })).statusCode,
    ).toBe(404);
    const patch = await outsider.request({
      method: "PATCH",
      url: `/api/follow-ups/${actions[1]}`,
      payload: { status: "done" },
    });
    expect(patch.statusCode).toBe(404);
    const list = (await outsider.request({ method: "GET", url: "/api/meetings" })).json();
    expect(list.total).toBe(0);
    const follow = (await outsider.request({ method: "GET", url: "/api/follow-ups" })).json();
    expect(follow.total).toBe(0);
  });

  it("writes an audit event for every mutation, without values", async () => {
    const events = await t.database.db
      .selectFrom("audit_events")
      .where("resource", "in", ["meeting", "follow_up"])
      .select(["action", "record_id", "changed_fields"])
      .orderBy("id")
      .execute();
    const of = (recordId: string) =>
      events.filter((e) => e.record_id === recordId).map((e) => e.action);
    expect(of(meetingId)).toEqual(["meeting.create"]);
    expect(of(items[0]!)).toEqual(["input_item.create", "input_item.update"]);
    expect(of(items[2]!)).toEqual(["input_item.create", "input_item.update"]);
    expect(of(actions[0]!)).toEqual(["follow_up.create", "follow_up.update", "follow_up.update"]);
    const statusChange = events.find(
      (e) => e.record_id === actions[0] && e.action === "follow_up.update",
    );
    expect(statusChange?.changed_fields).toEqual(["status"]);
    // The refused drop (no reason) wrote nothing.
    expect(of(actions[1]!)).toEqual(["follow_up.create"]);
  });

  it("stores an attachment and gives it back byte for byte", async () => {
    const up = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/attachments?name=${encodeURIComponent("Foto rapat.png")}`,
      headers: { "content-type": "image/png" },
      payload: PNG,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      fileName: "Foto rapat.png",
      contentType: "image/png",
      sizeBytes: PNG.length,
    });
    const id = up.json().id;
    const down = await officer.request({
      method: "GET",
      url: `/api/meetings/${meetingId}/attachments/${id}`,
    });
    expect(down.statusCode).toBe(200);
    expect(down.headers["content-type"]).toBe("image/png");
    expect(down.headers["content-disposition"]).toContain("Foto-rapat.png");
    expect(Buffer.compare(down.rawPayload, PNG)).toBe(0);
    const outside = await outsider.request({
      method: "GET",
      url: `/api/meetings/${meetingId}/attachments/${id}`,
    });
    expect(outside.statusCode).toBe(404);
    const meeting = (
      await officer.request({ method: "GET", url: `/api/meetings/${meetingId}` })
    ).json();
    expect(meeting.attachments).toHaveLength(1);

    const del = await officer.request({
      method: "DELETE",
      url: `/api/meetings/${meetingId}/attachments/${id}`,
    });
    expect(del.statusCode).toBe(204);
    const gone = await officer.request({
      method: "GET",
      url: `/api/meetings/${meetingId}/attachments/${id}`,
    });
    expect(gone.statusCode).toBe(404);
  });

  it("refuses a wrong type, a renamed file and a file over 10 MB", async () => {
    const exe = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/attachments?name=run.exe`,
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from("MZ....."),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe("UNSUPPORTED_FILE");
    const renamed = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/attachments?name=notulen.pdf`,
      headers: { "content-type": "application/pdf" },
      payload: Buffer.from("this is not a pdf"),
    });
    expect(renamed.statusCode).toBe(415);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    Buffer.from("%PDF-1.7").copy(big);
    const tooLarge = await officer.request({
      method: "POST",
      url: `/api/meetings/${meetingId}/attachments?name=besar.pdf`,
      headers: { "content-type": "application/pdf" },
      payload: big,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe("PAYLOAD_TOO_LARGE");
    const stored = await t.database.db
      .selectFrom("meeting_attachments")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
  });
});

describe("demo data", () => {
  it("seeds the 2025 audience, its input and follow-ups, idempotently", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemo(fresh.db, "demo password for tests");
      const counts = async () =>
        Promise.all(
          (["meetings", "input_items", "follow_up_actions", "meeting_attendees"] as const).map(
            async (table) =>
              Number(
                (
                  await fresh.db
                    .selectFrom(table)
                    .select((eb) => eb.fn.countAll<string>().as("n"))
                    .executeTakeFirstOrThrow()
                ).n,
              ),
          ),
        );
      expect(await counts()).toEqual([3, 14, 17, 24]);
      const users = await fresh.db.selectFrom("users").select(["id", "role"]).execute();
      const orgs = await fresh.db.selectFrom("organisations").select(["id", "name"]).execute();
      await seedDemoMeetings(fresh.db, {
        userIds: new Map(users.map((u) => [u.role as Role, u.id])),
        organisationIds: new Map(orgs.map((o) => [o.name, o.id])),
      });
      expect(await counts()).toEqual([3, 14, 17, 24]);
      const statuses = await fresh.db
        .selectFrom("follow_up_actions")
        .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
        .groupBy("status")
        .orderBy("status")
        .execute();
      expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([
        ["done", 8],
        ["dropped", 1],
        ["in_progress", 2],
        ["open", 6],
      ]);
      // The week of the 2026 evaluation meeting, through the API as the programme officer.
      const app = await createTestApp({ database: fresh });
      try {
        const po = await fresh.db
          .selectFrom("users")
          .where("role", "=", "programme_officer")
          .select("email")
          .executeTakeFirstOrThrow();
        const client = await signIn(app.app, {
          email: po.email,
          password: "demo password for tests",
        });
        const digest = (
          await client.request({ method: "GET", url: "/api/follow-ups/digest?week=2026-W48" })
        ).json();
        expect(digest.counts).toEqual({
          newInputItems: 2,
          dueThisWeek: 2,
          overdue: 5,
          doneThisWeek: 1,
        });
      } finally {
        await app.close();
      }
    } finally {
      await fresh.close();
    }
  }, 400_000);
});
