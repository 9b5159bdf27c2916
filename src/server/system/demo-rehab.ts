/**
 * Demo data: a synthetic rehabilitation client population, marked as synthetic (issue 7).
 *
 * Clients entering treatment per year match the figures BNNP DKI published (ANTARA 2025,
 * DOMAIN.md section 2): 2023: 1,551; 2024: 7,072; January to May 2025: 1,236 (one episode
 * each, intake spread over the period). Names are obviously fake ("Klien Sintetis 00001"),
 * NIKs start with 0000 (no such province), and every identity field is still encrypted like
 * real data. Residence: DKI kelurahan, weighted towards Jakarta Barat; facilities: the demo
 * IPWL puskesmas and BNNP clinic plus a few more IPWL puskesmas. A small current caseload in
 * late 2026 at the demo clinician's puskesmas gives the screens something in progress.
 * The split over sex, age, substance, route and outcome is illustrative, not published.
 * Idempotent: when synthetic clients exist, nothing is added.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { type Database, json } from "../../db/schema";
import { type AssistAnswers, type FrequencyAnswer, scoreAssist } from "../../domain/rehab/assist";
import { clientCodeFrom, isChild } from "../../domain/rehab/clients";
import { TDI_TO_ASSIST, type TdiSubstance } from "../../domain/rehab/tdi";
import { loadConfig } from "../config";
import { RehabCipher } from "../modules/rehab/rehab-cipher";
import type { DemoContext } from "./demo-context";

/** Published yearly entries: [first day, last day, clients]. */
export const DEMO_REHAB_ENTRIES: ReadonlyArray<[string, string, number]> = [
  ["2023-01-01", "2023-12-31", 1551],
  ["2024-01-01", "2024-12-31", 7072],
  ["2025-01-01", "2025-05-31", 1236],
];

/** Kecamatan that get an IPWL puskesmas of their own in the demo (named after the kecamatan). */
const EXTRA_FACILITY_KECAMATAN = ["31.73.07", "31.73.04", "31.73.06", "31.72.02", "31.75.03"];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function weighted<T extends string>(rand: () => number, table: ReadonlyArray<[T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1]![0];
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const SUBSTANCES: ReadonlyArray<[TdiSubstance, number]> = [
  ["methamphetamine", 55],
  ["cannabis", 16],
  ["synthetic_cannabinoids", 11],
  ["mdma", 4],
  ["sedatives", 5],
  ["alcohol", 3],
  ["heroin", 2],
  ["inhalants", 2],
  ["other", 2],
];
const ROUTE_OF: Record<TdiSubstance, string> = {
  methamphetamine: "smoke_inhale",
  amphetamines: "eat_drink",
  mdma: "eat_drink",
  cannabis: "smoke_inhale",
  synthetic_cannabinoids: "smoke_inhale",
  heroin: "inject",
  other_opioids: "eat_drink",
  cocaine: "sniff",
  sedatives: "eat_drink",
  hallucinogens: "eat_drink",
  inhalants: "smoke_inhale",
  alcohol: "eat_drink",
  other: "other",
};
const LEVELS: FrequencyAnswer[] = ["once_or_twice", "monthly", "weekly", "daily"];

async function insertChunks<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Record<string, unknown>[],
  size = 500,
) {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

export async function seedDemoRehab(db: Kysely<Database>, demo: DemoContext): Promise<void> {
  const existing = await db
    .selectFrom("rehab_clients")
    .select("id")
    .where("synthetic", "=", true)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const config = loadConfig(process.env);
  const cipher = new RehabCipher({ keyFile: config.keyFile, dataKey: config.dataKey });
  const rand = prng(20250531);

  // Facilities: the demo ones plus a few IPWL puskesmas whose kecamatan exist.
  const facilities: Array<{ id: string; weight: number }> = [];
  const puskesmas = demo.organisationIds.get("Puskesmas Kecamatan Cengkareng (IPWL)");
  const clinic = demo.organisationIds.get("Klinik Rehabilitasi Rawat Jalan BNNP DKI Jakarta");
  if (puskesmas) facilities.push({ id: puskesmas, weight: 15 });
  if (clinic) facilities.push({ id: clinic, weight: 40 });
  for (const code of EXTRA_FACILITY_KECAMATAN) {
    const area = await db
      .selectFrom("areas")
      .select(["code", "name"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!area) continue;
    const name = `Puskesmas Kecamatan ${area.name} (IPWL)`;
    await db
      .insertInto("organisations")
      .values({ name, type: "puskesmas_ipwl", area_code: area.code })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const { id } = await db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    facilities.push({ id, weight: 9 });
  }
  if (facilities.length === 0) return;
  const facilityTable = facilities.map((f) => [f.id, f.weight] as [string, number]);

  const kelurahan = await sql<{ code: string }>`
    select code from areas where level = 'kelurahan' and code like '31.%' order by code`.execute(
    db,
  );
  const barat = kelurahan.rows.filter((k) => k.code.startsWith("31.73.")).map((k) => k.code);
  const dki = kelurahan.rows.map((k) => k.code);
  if (dki.length === 0) return;

  const createdBy = demo.userIds.get("rehab_clinician") ?? null;
  const keyId = await db.transaction().execute((trx) => cipher.currentKeyId(trx));
  const clients: Record<string, unknown>[] = [];
  const episodes: Record<string, unknown>[] = [];
  const screenings: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  const followUps: Record<string, unknown>[] = [];
  const codes = new Set<string>();
  let serial = 0;

  const makeClient = (intake: string, facilityId: string, current: boolean) => {
    serial += 1;
    const id = randomUUID();
    let code: string;
    do {
      code = clientCodeFrom(Uint8Array.from({ length: 8 }, () => Math.floor(rand() * 256)));
    } while (codes.has(code));
    codes.add(code);
    const sex = rand() < 0.885 ? "male" : "female";
    const age = rand() < 0.036 ? 13 + Math.floor(rand() * 5) : 18 + Math.floor(rand() ** 1.6 * 42);
    const birthYear = Number(intake.slice(0, 4)) - age;
    const dob = `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const nik = `0000${String(serial).padStart(12, "0")}`;
    const residence =
      rand() < 0.45 && barat.length
        ? barat[Math.floor(rand() * barat.length)]!
        : dki[Math.floor(rand() * dki.length)]!;
    const child = isChild(age);
    clients.push({
      id,
      code,
      ...cipher.encryptIdentity(keyId, id, {
        fullName: `Klien Sintetis ${String(serial).padStart(5, "0")}`,
        nik,
        dateOfBirth: dob,
        phone: null,
        address: null,
      }),
      nik_index: cipher.nikIndex(keyId, nik),
      key_id: keyId,
      sex,
      birth_year: birthYear,
      residence_kelurahan_code: residence,
      child,
      synthetic: true,
      created_by: createdBy,
    });

    const substance = weighted(rand, SUBSTANCES);
    const secondary =
      rand() < 0.4 ? [weighted(rand, SUBSTANCES)].filter((s) => s !== substance) : [];
    const entryRoute = weighted(rand, [
      ["voluntary", 50],
      ["wajib_lapor", 17],
      ["legal_tat", 22],
      ["referral_outreach", 9],
      ["other", 2],
    ]);
    const serviceType = rand() < 0.84 ? "rawat_jalan" : "rawat_inap";
    const episodeId = randomUUID();
    const start = addDays(intake, Math.floor(rand() * 4));
    const length =
      serviceType === "rawat_inap" ? 90 + Math.floor(rand() * 90) : 30 + Math.floor(rand() * 90);
    const today = "2026-11-29";
    let status = "in_care";
    let dischargeDate: string | null = addDays(start, length);
    let outcome: string | null = null;
    let aftercareStart: string | null = null;
    let closedDate: string | null = null;
    if (current && dischargeDate > today) dischargeDate = null;
    if (dischargeDate) {
      outcome = weighted(rand, [
        ["completed", 68],
        ["dropped_out", 22],
        ["referred", 7],
        ["other", 3],
      ]);
      status = "discharged";
      if (outcome === "completed") {
        aftercareStart = addDays(dischargeDate, 1);
        status = "aftercare";
        const followCount = 1 + Math.floor(rand() * 3);
        let relapsed = false;
        for (let k = 1; k <= followCount; k++) {
          const date = addDays(aftercareStart, k * 45 + Math.floor(rand() * 10));
          if (date > today) break;
          relapsed = relapsed || rand() < 0.16;
          followUps.push({
            episode_id: episodeId,
            follow_up_date: date,
            relapse_status: relapsed ? "relapsed" : rand() < 0.07 ? "unknown" : "not_relapsed",
            created_by: createdBy,
          });
        }
        const end = addDays(aftercareStart, 180);
        if (end <= today) {
          status = "closed";
          closedDate = end;
        }
      } else if (daysBetween(dischargeDate, today) > 30) {
        status = "closed";
        closedDate = addDays(dischargeDate, 30);
      }
    }
    episodes.push({
      id: episodeId,
      client_id: id,
      facility_id: facilityId,
      status,
      entry_route: entryRoute,
      tat_recommendation:
        entryRoute === "legal_tat"
          ? serviceType === "rawat_inap"
            ? "rehab_inpatient"
            : "rehab_outpatient"
          : null,
      tat_assessed_on: entryRoute === "legal_tat" ? addDays(intake, -Math.floor(rand() * 6)) : null,
      intake_date: intake,
      consent_given: true,
      consent_date: intake,
      consent_by: child ? "guardian" : "client",
      service_type: serviceType,
      start_date: start,
      treatment_plan: "DATA DEMO: rencana terapi contoh.",
      primary_substance: substance,
      secondary_substances: secondary,
      route: ROUTE_OF[substance],
      frequency: weighted(rand, [
        ["daily", 30],
        ["four_to_six_days_a_week", 20],
        ["two_to_three_days_a_week", 25],
        ["once_a_week_or_less", 20],
        ["not_used_last_30_days", 5],
      ]),
      age_first_use: Math.max(12, age - 1 - Math.floor(rand() * Math.max(1, age - 12))),
      previous_treatment: rand() < 0.2 ? "previously_treated" : "never",
      injecting: substance === "heroin" ? "last_12_months" : "never",
      discharge_date: dischargeDate,
      discharge_outcome: outcome,
      aftercare_start: aftercareStart,
      closed_date: closedDate,
      created_by: createdBy,
    });
    const level = Math.floor(rand() * 4);
    const main = TDI_TO_ASSIST[substance];
    const answers: AssistAnswers = {
      q8: substance === "heroin" ? "yes_past_3_months" : "no",
      substances: [
        {
          substance: main,
          ...(main === "other" ? { otherSpecify: "zat lain (demo)" } : {}),
          q1: "yes",
          q2: LEVELS[level]!,
          q3: LEVELS[Math.max(0, level - 1)]!,
          q4: LEVELS[Math.floor(rand() * (level + 1))]!,
          q5: LEVELS[Math.floor(rand() * (level + 1))]!,
          q6: rand() < 0.6 ? "yes_past_3_months" : "no",
          q7: rand() < 0.4 ? "yes_past_3_months" : "yes_not_past_3_months",
        },
        ...(main !== "alcohol" ? [{ substance: "alcohol" as const, q1: "no" as const }] : []),
      ],
    };
    const result = scoreAssist(answers);
    screenings.push({
      episode_id: episodeId,
      screened_on: intake,
      answers: json(answers),
      scores: json({ version: result.version, scores: result.scores }),
      highest_band: result.highestBand,
      injection: result.injection,
      created_by: createdBy,
    });
    const visitCount = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < visitCount; k++) {
      const date = addDays(start, 7 * (k + 1));
      if (date > today || (dischargeDate && date > dischargeDate)) break;
      visits.push({
        episode_id: episodeId,
        visit_date: date,
        kind: k === 0 ? "urine_test" : "counselling",
        urine_result: k === 0 ? (rand() < 0.3 ? "positive" : "negative") : null,
        created_by: createdBy,
      });
    }
  };

  for (const [from, to, count] of DEMO_REHAB_ENTRIES) {
    const span = daysBetween(from, to) + 1;
    for (let i = 0; i < count; i++) {
      const intake = addDays(from, Math.floor((i * span) / count + rand() * (span / count)));
      makeClient(intake > to ? to : intake, weighted(rand, facilityTable), false);
    }
  }
  // A current caseload at the demo clinician's puskesmas (after the published periods).
  if (puskesmas)
    for (let i = 0; i < 40; i++)
      makeClient(addDays("2026-09-01", Math.floor(rand() * 88)), puskesmas, true);

  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, "rehab_clients", clients);
    await insertChunks(trx, "rehab_episodes", episodes);
    await insertChunks(trx, "rehab_screenings", screenings);
    await insertChunks(trx, "rehab_visits", visits, 1000);
    await insertChunks(trx, "rehab_follow_ups", followUps, 1000);
  });
}
