/**
 * Demo data: programmes in Kedaung Kali Angke and Kota Bambu Selatan (and a few elsewhere in
 * Jakarta Barat) citing the 2025 meeting's input items, with a year of activities: monthly
 * IBM outreach in Kampung Boncos with two missed months, urine tests, sosialisasi, family
 * sessions; budgets with their sources. Some Bahaya/Waspada kelurahan of the demo risk rounds
 * are deliberately left without activity, so the coverage view has something to say.
 * All figures are made up for the demo and say so. Idempotent: seeding twice changes nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AgeBand, Participants } from "../../domain/programmes/catalogue";
import type { AuthedContext } from "../context";
import { ActivitiesService } from "../modules/programmes/activities.service";
import type { ActivityInput, ProgrammeInput } from "../modules/programmes/programmes.schema";
import { ProgrammesService } from "../modules/programmes/programmes.service";
import type { DemoContext } from "./demo-context";

const KEDAUNG = "31.73.01.1004";
const BAMBU = "31.73.07.1006";
const NOTE = "DATA DEMO: contoh untuk demonstrasi, bukan data kegiatan resmi.";
const FIRST_PROGRAMME = "Kampung Bersinar Kedaung Kali Angke";

/** A stable pseudo-random integer in [lo, hi] for a key. */
function pick(key: string, lo: number, hi: number): number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return lo + (h % (hi - lo + 1));
}

function participants(key: string, bands: AgeBand[], size: number): Participants {
  const out: Participants = {};
  for (const band of bands) {
    const n = pick(`${key}${band}`, Math.round(size * 0.6), size);
    const male = pick(`${key}${band}m`, Math.round(n * 0.35), Math.round(n * 0.65));
    out[band] = { male, female: n - male };
  }
  return out;
}

function ctxFor(userId: string, role: AuthedContext["user"]["role"], scope: string): AuthedContext {
  return {
    user: {
      id: userId,
      email: "",
      name: "",
      role,
      scope,
      organisationId: "",
      sessionId: "",
      csrfToken: "",
    },
    requestId: "demo:seed",
    ip: "local",
  };
}

export async function seedDemoProgrammes(db: Kysely<Database>, demo: DemoContext): Promise<void> {
  const exists = await db
    .selectFrom("programmes")
    .select("id")
    .where("name", "=", FIRST_PROGRAMME)
    .executeTakeFirst();
  if (exists) return;
  const org = (name: string) => {
    const id = demo.organisationIds.get(name);
    if (!id) throw new Error(`demo organisation missing: ${name}`);
    return id;
  };
  const officer = ctxFor(demo.userIds.get("programme_officer")!, "programme_officer", "31.73");
  const lurah = ctxFor(demo.userIds.get("kelurahan_officer")!, "kelurahan_officer", KEDAUNG);
  const programmes = new ProgrammesService(db);
  const activities = new ActivitiesService(db);

  // Input items of the 2025 meeting, found by topic (seeded by the meetings demo, if any).
  const items = await db
    .selectFrom("input_items as i")
    .innerJoin("meetings as m", "m.id", "i.meeting_id")
    .select(["i.id", "i.topic", "i.description"])
    .where("m.held_on", ">=", "2025-01-01")
    .where("m.held_on", "<=", "2025-12-31")
    .execute();
  const citing = (...words: string[]) =>
    items
      .filter((i) =>
        words.some((w) => `${i.topic} ${i.description}`.toLowerCase().includes(w.toLowerCase())),
      )
      .map((i) => i.id);
  const location = async (name: string) =>
    (
      await db
        .selectFrom("named_locations")
        .select("id")
        .where("name", "=", name)
        .executeTakeFirst()
    )?.id ?? null;
  const permata = await location("Kompleks Permata");
  const kiapang = await location("Kampung Kiapang");
  const round = await db
    .selectFrom("assessment_rounds")
    .select("id")
    .where("name", "=", "DEMO 2025 semester 2")
    .executeTakeFirst();

  const base = {
    description: NOTE,
    partnerOrganisationIds: [] as string[],
    targetAreas: [] as ProgrammeInput["targetAreas"],
    targets: [] as ProgrammeInput["targets"],
    inputItemIds: [] as string[],
    riskRoundId: round?.id ?? null,
    status: "active" as const,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
  };
  const create = (
    input: Partial<ProgrammeInput> &
      Pick<
        ProgrammeInput,
        "name" | "pillar" | "leadOrganisationId" | "areaCode" | "budgetAmount" | "budgetSource"
      >,
  ) => programmes.create(officer, { ...base, ...input } as ProgrammeInput);

  const kedaung = await create({
    name: FIRST_PROGRAMME,
    pillar: "pencegahan",
    leadOrganisationId: org("BNNP DKI Jakarta"),
    partnerOrganisationIds: [
      org("Kelurahan Kedaung Kali Angke"),
      org("Kecamatan Cengkareng"),
      org("Polres Metro Jakarta Barat"),
      org("Puskesmas Kecamatan Cengkareng (IPWL)"),
    ],
    areaCode: KEDAUNG,
    targetAreas: [
      { areaCode: KEDAUNG, namedLocationId: null },
      ...(permata ? [{ areaCode: KEDAUNG, namedLocationId: permata }] : []),
    ],
    budgetAmount: 350_000_000,
    budgetSource: "bnn",
    targets: [
      { indicator: "activities", label: "Kegiatan", baseline: 4, targetValue: 24 },
      { indicator: "participants", label: "Peserta sosialisasi", baseline: 150, targetValue: 1500 },
      { indicator: "urine_tested", label: "Warga dites urine", baseline: 0, targetValue: 600 },
    ],
    inputItemIds: citing("Kampung Ambon", "Permata", "Kedaung", "pencegahan", "edukasi"),
  });
  const boncos = await create({
    name: "Penjangkauan IBM Kampung Boncos",
    pillar: "rehabilitasi",
    leadOrganisationId: org("BNNP DKI Jakarta"),
    partnerOrganisationIds: [
      org("Kelurahan Kota Bambu Selatan"),
      org("Kecamatan Pal Merah"),
      org("Suku Dinas Sosial Jakarta Barat"),
      org("Suku Dinas Kesehatan Jakarta Barat"),
    ],
    areaCode: BAMBU,
    targetAreas: [
      { areaCode: BAMBU, namedLocationId: null },
      ...(kiapang ? [{ areaCode: BAMBU, namedLocationId: kiapang }] : []),
    ],
    budgetAmount: 180_000_000,
    budgetSource: "apbd",
    targets: [
      { indicator: "reached", label: "Warga terjangkau", baseline: 0, targetValue: 240 },
      { indicator: "referred", label: "Dirujuk ke rehabilitasi", baseline: 0, targetValue: 36 },
    ],
    inputItemIds: citing("Boncos", "Kiapang", "rehabilitasi", "berkelanjutan"),
  });
  const schools = await create({
    name: "Sekolah Bersinar Cengkareng",
    pillar: "edukasi_diseminasi",
    leadOrganisationId: org("Suku Dinas Pendidikan Jakarta Barat"),
    partnerOrganisationIds: [org("BNNP DKI Jakarta"), org("Kecamatan Cengkareng")],
    areaCode: "31.73.01",
    targetAreas: [
      { areaCode: "31.73.01.1001", namedLocationId: null },
      { areaCode: "31.73.01.1002", namedLocationId: null },
    ],
    budgetAmount: 120_000_000,
    budgetSource: "apbd",
    targets: [{ indicator: "activities", label: "Sesi di sekolah", baseline: 0, targetValue: 12 }],
  });
  const youth = await create({
    name: "Keterampilan kerja pemuda Pal Merah",
    pillar: "pemberdayaan_masyarakat",
    leadOrganisationId: org("Suku Dinas Sosial Jakarta Barat"),
    partnerOrganisationIds: [org("Kecamatan Pal Merah")],
    areaCode: "31.73.07",
    targetAreas: [{ areaCode: "31.73.07.1005", namedLocationId: null }],
    budgetAmount: 90_000_000,
    budgetSource: "csr",
    targets: [
      { indicator: "participants", label: "Pemuda terlatih", baseline: 0, targetValue: 120 },
    ],
  });
  const satgas = await create({
    name: "Satgas P4GN perkantoran Jakarta Barat",
    pillar: "pencegahan",
    leadOrganisationId: org("Kesbangpol Kota Administrasi Jakarta Barat"),
    partnerOrganisationIds: [org("Pemerintah Kota Administrasi Jakarta Barat")],
    areaCode: "31.73",
    budgetAmount: 60_000_000,
    budgetSource: "apbd",
    targets: [
      { indicator: "activities", label: "Pembentukan satgas", baseline: 0, targetValue: 6 },
    ],
    inputItemIds: citing("BNNK", "koordinasi", "Tim Terpadu"),
  });

  const record = (
    ctx: AuthedContext,
    input: Partial<ActivityInput> &
      Pick<ActivityInput, "programmeId" | "typeCode" | "heldOn" | "areaCode">,
  ) =>
    activities.create(ctx, {
      scheduleId: null,
      namedLocationId: null,
      point: null,
      organisationIds: [],
      participants: {},
      urineTested: null,
      urinePositive: null,
      reached: null,
      referred: null,
      notes: NOTE,
      ...input,
    });

  // Kedaung Kali Angke: monthly sosialisasi, quarterly urine tests, family sessions.
  for (let month = 1; month <= 11; month++) {
    const mm = String(month).padStart(2, "0");
    await record(lurah, {
      programmeId: kedaung.id,
      typeCode: "sosialisasi",
      heldOn: `2026-${mm}-${String(pick(`s${mm}`, 8, 20)).padStart(2, "0")}`,
      areaCode: KEDAUNG,
      namedLocationId: month % 2 === 0 ? permata : null,
      organisationIds: [org("BNNP DKI Jakarta"), org("Kelurahan Kedaung Kali Angke")],
      participants: participants(`k${mm}`, ["13-17", "18-24", "25-44", "45-59"], 30),
    });
    if (month % 3 === 0)
      await record(lurah, {
        programmeId: kedaung.id,
        typeCode: "tes_urine",
        heldOn: `2026-${mm}-25`,
        areaCode: KEDAUNG,
        namedLocationId: permata,
        organisationIds: [org("BNNP DKI Jakarta"), org("Puskesmas Kecamatan Cengkareng (IPWL)")],
        participants: participants(`u${mm}`, ["18-24", "25-44", "45-59"], 45),
        urineTested: pick(`ut${mm}`, 100, 140),
        urinePositive: pick(`up${mm}`, 0, 3),
      });
    if (month % 4 === 2)
      await record(lurah, {
        programmeId: kedaung.id,
        typeCode: "ketahanan_keluarga",
        heldOn: `2026-${mm}-05`,
        areaCode: KEDAUNG,
        organisationIds: [org("Kelurahan Kedaung Kali Angke")],
        participants: participants(`f${mm}`, ["25-44", "45-59"], 20),
      });
  }

  // Kampung Boncos: monthly IBM outreach, missed in March and August.
  await programmes.createSchedule(officer, boncos.id, {
    title: "Penjangkauan bulanan Kampung Boncos",
    typeCode: "ibm_outreach",
    areaCode: BAMBU,
    namedLocationId: kiapang,
    frequency: "monthly",
    interval: 1,
    startOn: "2026-01-10",
    endOn: "2026-12-31",
  });
  const schedule = await db
    .selectFrom("activity_schedules")
    .select("id")
    .where("programme_id", "=", boncos.id)
    .executeTakeFirstOrThrow();
  for (let month = 1; month <= 11; month++) {
    if (month === 3 || month === 8) continue;
    const mm = String(month).padStart(2, "0");
    const reached = pick(`r${mm}`, 12, 28);
    await record(officer, {
      programmeId: boncos.id,
      scheduleId: schedule.id,
      typeCode: "ibm_outreach",
      heldOn: `2026-${mm}-${String(pick(`b${mm}`, 10, 24)).padStart(2, "0")}`,
      areaCode: BAMBU,
      namedLocationId: kiapang,
      organisationIds: [org("BNNP DKI Jakarta"), org("Kelurahan Kota Bambu Selatan")],
      participants: participants(`o${mm}`, ["18-24", "25-44"], 12),
      reached,
      referred: pick(`f${mm}`, 1, 4),
    });
  }
  await record(officer, {
    programmeId: boncos.id,
    typeCode: "hani",
    heldOn: "2026-06-26",
    areaCode: BAMBU,
    organisationIds: [org("BNNP DKI Jakarta"), org("Kecamatan Pal Merah")],
    participants: participants("hani", ["13-17", "18-24", "25-44", "45-59", "60+"], 60),
  });

  // Schools in Kedaung Kali Angke's neighbour 31.73.01.1001 only: 31.73.01.1002 stays uncovered.
  for (const [k, day] of ["2026-02-12", "2026-05-14", "2026-09-10"].entries())
    await record(officer, {
      programmeId: schools.id,
      typeCode: "sosialisasi",
      heldOn: day,
      areaCode: "31.73.01.1001",
      organisationIds: [org("Suku Dinas Pendidikan Jakarta Barat"), org("BNNP DKI Jakarta")],
      participants: participants(`sch${k}`, ["13-17"], 120),
    });
  for (const day of ["2026-04-20", "2026-10-19"])
    await record(officer, {
      programmeId: youth.id,
      typeCode: "pemberdayaan_alternatif",
      heldOn: day,
      areaCode: "31.73.07.1005",
      participants: participants(`y${day}`, ["18-24"], 25),
    });
  // Office task forces in a quiet kelurahan: effort that lands outside the risky places.
  const quiet = await db
    .selectFrom("areas")
    .select("code")
    .where("level", "=", "kelurahan")
    .where("code", "like", "31.73.05.%")
    .orderBy("code")
    .executeTakeFirst();
  if (quiet)
    for (const day of ["2026-03-03", "2026-07-07"])
      await record(officer, {
        programmeId: satgas.id,
        typeCode: "satgas",
        heldOn: day,
        areaCode: quiet.code,
        participants: participants(`st${day}`, ["25-44", "45-59"], 30),
      });
}
