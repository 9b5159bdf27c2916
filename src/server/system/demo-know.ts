/**
 * Demo data: custody counts and official figures with their sources (issue 8).
 *
 * - The eight DKI facilities (created by migration 0008) get counts on 31 May 2025 that sum to
 *   the figures of DOMAIN.md section 2: capacity 5,919, occupants 13,347, of whom 8,585 held
 *   for drug offences (225.5% occupancy, 125.5% excess, 64.3% drug share). Only the DKI
 *   totals are published; the split over facilities is illustrative and says so.
 * - History: the earlier DKI totals of DOMAIN.md section 7 (Dec 2018, Aug 2023, Dec 2023),
 *   split over the facilities in the same proportions (drug offenders not published: left
 *   empty).
 * - Every section 2 figure entered once with its source (ANTARA, 2025), and the figures other
 *   public sources give (2024: 6,718; 2025 full year: 8,865), so the register shows the
 *   disagreement side by side.
 *
 * Everything goes through the services (validation, audit). Idempotent: seeding twice changes
 * nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { AuthedContext } from "../context";
import { CustodyService } from "../modules/custody/custody.service";
import { type FigureInput, FiguresService } from "../modules/figures/figures.service";
import { dateText } from "../time";
import type { DemoContext } from "./demo-context";

const SPLIT_NOTE =
  "DATA DEMO: total DKI sesuai angka ANTARA 2025; pembagian per fasilitas hanya ilustrasi.";
const HISTORY_NOTE =
  "DATA DEMO: total DKI dari angka publik (DOMAIN.md bagian 7); pembagian per fasilitas ilustrasi.";
const AS_OF = "2025-05-31";

/** The 31 May 2025 split: [facility, capacity, occupants, held for drug offences]. */
const SPLIT_2025: Array<[string, number, number, number]> = [
  ["Lapas Kelas I Cipinang", 1136, 3142, 2050],
  ["Lapas Kelas IIA Salemba", 572, 1476, 1002],
  ["Lapas Narkotika Kelas IIA Jakarta", 1084, 2921, 2624],
  ["Lapas Perempuan Kelas IIA Jakarta", 317, 512, 276],
  ["Rutan Kelas I Cipinang", 1029, 2804, 1620],
  ["Rutan Kelas I Jakarta Pusat (Salemba)", 658, 1706, 790],
  ["Rutan Kelas I Pondok Bambu", 583, 598, 160],
  ["LPKA Kelas II Jakarta", 540, 188, 63],
];

/** Earlier DKI totals (DOMAIN.md section 7): date, capacity, occupants. */
const HISTORY: Array<[string, number, number]> = [
  ["2018-12-31", 5851, 17629],
  ["2023-08-31", 5963, 15816],
  ["2023-12-31", 5963, 15138],
];

/** Split `total` in proportion to `weights`, largest remainder first, so the parts sum exactly. */
export function splitProportionally(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

function ctxFor(userId: string, role: AuthedContext["user"]["role"]): AuthedContext {
  return {
    user: {
      id: userId,
      email: "",
      name: "",
      role,
      scope: "31",
      organisationId: "",
      sessionId: "",
      csrfToken: "",
    },
    requestId: "demo:seed",
    ip: "local",
  };
}

const ANTARA = {
  sourceOrganisation: "ANTARA",
  citation:
    "Pemberitaan ANTARA (2025) tentang audiensi BNNP DKI Jakarta dengan Wali Kota Jakarta Barat.",
  areaCode: "31",
  unit: "orang",
};
const OTHER = {
  sourceOrganisation: "Sumber publik lain",
  citation: "Angka yang dilaporkan sumber publik lain (DOMAIN.md bagian 2).",
  notes: "DATA DEMO: lengkapi nama sumber, tautan dan tanggal terbit sebelum dipakai.",
  areaCode: "31",
  unit: "orang",
};

const FIGURES: FigureInput[] = [
  {
    ...ANTARA,
    indicator: "rehab_clients",
    value: 1551,
    periodStart: "2023-01-01",
    periodEnd: "2023-12-31",
    periodLabel: "2023",
    label: "Klien rehabilitasi BNNP DKI Jakarta",
  },
  {
    ...ANTARA,
    indicator: "rehab_clients",
    value: 7072,
    periodStart: "2024-01-01",
    periodEnd: "2024-12-31",
    periodLabel: "2024",
    label: "Klien rehabilitasi BNNP DKI Jakarta",
  },
  {
    ...ANTARA,
    indicator: "rehab_clients",
    value: 1236,
    periodStart: "2025-01-01",
    periodEnd: "2025-05-31",
    periodLabel: "Januari–Mei 2025",
    label: "Klien rehabilitasi BNNP DKI Jakarta",
  },
  ...(
    [
      ["custody_capacity", 5919, "Kapasitas lapas dan rutan DKI"],
      ["custody_occupants", 13347, "Warga binaan dan tahanan DKI"],
      ["custody_drug_offenders", 8585, "Warga binaan kasus narkotika DKI"],
    ] as const
  ).map(
    ([indicator, value, label]): FigureInput => ({
      ...ANTARA,
      indicator,
      value,
      label,
      periodEnd: AS_OF,
      periodLabel: "2025",
      notes:
        "Berita tidak menyebut tanggal acuan; 31 Mei 2025 dipakai sebagai perkiraan (data hingga Mei 2025).",
    }),
  ),
  {
    ...OTHER,
    indicator: "rehab_clients",
    value: 6718,
    periodStart: "2024-01-01",
    periodEnd: "2024-12-31",
    periodLabel: "2024",
    label: "Klien rehabilitasi BNNP DKI Jakarta",
  },
  {
    ...OTHER,
    indicator: "rehab_clients",
    value: 8865,
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
    periodLabel: "2025",
    label: "Klien rehabilitasi BNNP DKI Jakarta (7.597 laki-laki, 946 perempuan, 322 usia 13–18)",
  },
];

export async function seedDemoKnow(db: Kysely<Database>, demo: DemoContext): Promise<void> {
  const liaisonId = demo.userIds.get("correctional_liaison");
  const adminId = demo.userIds.get("administrator");
  if (!liaisonId || !adminId) return;
  const custody = new CustodyService(db);
  const liaison = ctxFor(liaisonId, "correctional_liaison");
  const facilities = await db.selectFrom("custody_facilities").select(["id", "name"]).execute();
  const idOf = new Map(facilities.map((f) => [f.name, f.id]));
  const existing = new Set(
    (await db.selectFrom("custody_counts").select(["facility_id", "counted_on"]).execute()).map(
      (c) => `${c.facility_id}|${dateText(c.counted_on)}`,
    ),
  );
  const haveCount = (facilityId: string, date: string) => existing.has(`${facilityId}|${date}`);

  const present = SPLIT_2025.filter(([name]) => idOf.has(name));
  for (const [date, capacity, occupants] of HISTORY) {
    const caps = splitProportionally(
      capacity,
      present.map(([, c]) => c),
    );
    const occs = splitProportionally(
      occupants,
      present.map(([, , o]) => o),
    );
    for (const [i, [name]] of present.entries()) {
      const facilityId = idOf.get(name)!;
      if (haveCount(facilityId, date)) continue;
      await custody.createCount(liaison, {
        facilityId,
        date,
        capacity: caps[i]!,
        occupants: occs[i]!,
        source: "Kanwil Ditjenpas DKI Jakarta (total DKI); lihat catatan",
        notes: HISTORY_NOTE,
      });
    }
  }
  for (const [name, capacity, occupants, drug] of present) {
    const facilityId = idOf.get(name)!;
    if (haveCount(facilityId, AS_OF)) continue;
    await custody.createCount(liaison, {
      facilityId,
      date: AS_OF,
      capacity,
      occupants,
      drugOffenders: drug,
      source: "ANTARA 2025 (total DKI); lihat catatan",
      notes: SPLIT_NOTE,
    });
  }

  const figures = new FiguresService(db);
  const admin = ctxFor(adminId, "administrator");
  for (const f of FIGURES) {
    const already = await db
      .selectFrom("official_figures")
      .select("id")
      .where("indicator_code", "=", f.indicator)
      .where("source_organisation", "=", f.sourceOrganisation)
      .where("period_label", "=", f.periodLabel ?? "")
      .where("area_code", "=", f.areaCode)
      .executeTakeFirst();
    if (!already) await figures.create(admin, f);
  }
}
