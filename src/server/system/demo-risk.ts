/**
 * Demo data for drug-prone area mapping: the two named locations from the 2025 meeting
 * (without invented coordinates) and two published rounds for Jakarta Barat, so that the
 * change view shows movement. The classes are made up for the demo and say so.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { RiskClass } from "../../domain/risk/classes";
import { DEFAULT_INDICATORS } from "../../domain/risk/indicators";
import type { AuthedContext } from "../context";
import { LocationsService } from "../modules/locations/locations.service";
import { RiskService } from "../modules/risk/risk.service";
import { RiskWorkflowService } from "../modules/risk/risk-workflow.service";

/** Kelurahan named "zona merah" in the 2019 press (DOMAIN.md section 3), Bahaya in the demo. */
const DEMO_BAHAYA = [
  "31.73.01.1001",
  "31.73.01.1002",
  "31.73.01.1003",
  "31.73.07.1006",
  "31.73.07.1005",
  "31.73.07.1001",
];
const DEMO_NOTE = "DATA DEMO: contoh untuk demonstrasi, bukan hasil penilaian resmi.";
const POKOK = DEFAULT_INDICATORS.filter((i) => i.kind === "pokok").map((i) => i.code);
const PENDUKUNG = DEFAULT_INDICATORS.filter((i) => i.kind === "pendukung").map((i) => i.code);
const COUNTS: Record<RiskClass, [number, number]> = {
  bahaya: [6, 4],
  waspada: [3, 3],
  siaga: [1, 1],
  aman: [0, 2],
};

function indicatorsFor(riskClass: RiskClass) {
  const [pokok, pendukung] = COUNTS[riskClass];
  const present = new Set([...POKOK.slice(0, pokok), ...PENDUKUNG.slice(0, pendukung)]);
  return Object.fromEntries(
    DEFAULT_INDICATORS.map((i) => [
      i.code,
      { present: present.has(i.code), evidence: present.has(i.code) ? "FGD (demo)" : "" },
    ]),
  );
}

/** A stable demo class per kelurahan and round: a spread of classes with some movement. */
function demoClass(code: string, round: number): RiskClass {
  if (DEMO_BAHAYA.includes(code))
    return round === 2 && code === "31.73.07.1001" ? "waspada" : "bahaya";
  if (code === "31.73.01.1004") return round === 1 ? "waspada" : "bahaya"; // Kedaung Kali Angke (Kampung Ambon)
  const n = [...code].reduce((sum, ch) => sum * 31 + ch.charCodeAt(0), 7) >>> 0;
  const classes: RiskClass[] = ["waspada", "siaga", "siaga", "aman", "aman"];
  const base = classes[n % classes.length]!;
  if (round === 2 && n % 7 === 0) return base === "aman" ? "siaga" : "aman";
  return base;
}

export async function seedDemoRisk(db: Kysely<Database>, analystId: string): Promise<void> {
  const ctx: AuthedContext = {
    user: {
      id: analystId,
      email: "",
      name: "",
      role: "administrator",
      scope: "31",
      organisationId: "",
      sessionId: "",
      csrfToken: "",
    },
    requestId: "demo:seed",
    ip: "local",
  };
  const locations = new LocationsService(db);
  const permata = await locations.create(ctx, {
    kelurahanCode: "31.73.01.1004",
    name: "Kompleks Permata",
    aliases: ["Kampung Ambon"],
    rw: "07",
    notes:
      "Disebut dalam audiensi BNNP DKI dan Wali Kota Jakarta Barat (2025). Batas belum digambar.",
  });
  await locations.create(ctx, {
    kelurahanCode: "31.73.07.1006",
    name: "Kampung Kiapang",
    aliases: ["Boncos", "Kampung Boncos", "Gang Kiapang"],
    rw: "03",
    notes:
      "Disebut dalam audiensi BNNP DKI dan Wali Kota Jakarta Barat (2025). Batas belum digambar.",
  });
  const kelurahan = await db
    .selectFrom("areas")
    .select("code")
    .where("level", "=", "kelurahan")
    .where("code", "like", "31.73.%")
    .orderBy("code")
    .execute();
  const risk = new RiskService(db);
  const workflow = new RiskWorkflowService(db);
  const rounds = [
    { name: "DEMO 2025 semester 1", periodStart: "2025-01-01", periodEnd: "2025-06-30" },
    { name: "DEMO 2025 semester 2", periodStart: "2025-07-01", periodEnd: "2025-12-31" },
  ];
  for (const [index, spec] of rounds.entries()) {
    const round = await risk.createRound(ctx, { ...spec, method: "indicator", areaCode: "31.73" });
    const row = await risk.loadRound(ctx, round.id);
    await db.transaction().execute(async (trx) => {
      for (const { code } of kelurahan) {
        const riskClass = demoClass(code, index + 1);
        await risk.saveDraft(
          ctx,
          row,
          {
            areaCode: code,
            locationId: null,
            indicators: indicatorsFor(riskClass),
            surveyItems: {},
            notes: DEMO_NOTE,
            source: "Data demo",
          },
          trx,
        );
      }
      await risk.saveDraft(
        ctx,
        row,
        {
          areaCode: "31.73.01.1004",
          locationId: permata.id,
          indicators: indicatorsFor("bahaya"),
          surveyItems: {},
          notes: DEMO_NOTE,
          source: "Data demo",
        },
        trx,
      );
    });
    await workflow.transition(ctx, round.id, "verify", { comment: "Demo: diverifikasi otomatis" });
    await workflow.transition(ctx, round.id, "publish");
  }
}
