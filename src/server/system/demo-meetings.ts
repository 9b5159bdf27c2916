/** Demo data: the 2025 coordination meeting with its input items and follow-up actions (issue 6). Idempotent: seeding twice changes nothing. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { FollowUpStatus, InputItemStatus } from "../../db/schema-meetings";
import type { AuthedContext } from "../context";
import { FollowUpsService } from "../modules/meetings/follow-ups.service";
import { MeetingsService } from "../modules/meetings/meetings.service";
import type { DemoContext } from "./demo-context";

const AUDIENCE_TITLE = "Audiensi BNNP DKI Jakarta dengan Wali Kota Jakarta Barat";

const BNNP = "BNNP DKI Jakarta";
const PEMKOT = "Pemerintah Kota Administrasi Jakarta Barat";
const KESBANGPOL = "Kesbangpol Kota Administrasi Jakarta Barat";
const KEC_CENGKARENG = "Kecamatan Cengkareng";
const KEC_PALMERAH = "Kecamatan Pal Merah";
const KEL_KKA = "Kelurahan Kedaung Kali Angke";
const KEL_KBS = "Kelurahan Kota Bambu Selatan";
const POLRES = "Polres Metro Jakarta Barat";
const SUDINKES = "Suku Dinas Kesehatan Jakarta Barat";
const SUDINSOS = "Suku Dinas Sosial Jakarta Barat";
const SUDINDIK = "Suku Dinas Pendidikan Jakarta Barat";

const KKA = "31.73.01.1004"; // Kedaung Kali Angke: Kompleks Permata ("Kampung Ambon")
const KBS = "31.73.07.1006"; // Kota Bambu Selatan: Kampung Kiapang ("Boncos")

interface DemoAction {
  title: string;
  owner: string;
  /** "programme_officer" or "kelurahan_officer": the demo account it is assigned to. */
  assignee?: "programme_officer" | "kelurahan_officer";
  dueOn: string;
  status: FollowUpStatus;
  /** When done: the Jakarta time it was completed. */
  completedAt?: string;
  dropReason?: string;
}

interface DemoItem {
  raisedByOrganisation?: string;
  raisedBy?: string;
  topic: string;
  description: string;
  priority: "high" | "medium" | "low";
  areas: string[];
  locations?: string[];
  /** Final status when it is not turned into actions. */
  status?: Exclude<InputItemStatus, "action" | "open"> | "open";
  declineReason?: string;
  actions?: DemoAction[];
}

interface DemoMeeting {
  heldOn: string;
  startTime: string;
  place: string;
  title: string;
  kind: "coordination" | "audience" | "other";
  organiser: string;
  attendees: string[];
  minutes: string;
  items: DemoItem[];
}

const MEETINGS: DemoMeeting[] = [
  {
    heldOn: "2025-06-17",
    startTime: "10:00",
    place: "Ruang Rapat Wali Kota, Kantor Wali Kota Administrasi Jakarta Barat",
    title: AUDIENCE_TITLE,
    kind: "audience",
    organiser: PEMKOT,
    attendees: [
      BNNP,
      PEMKOT,
      KESBANGPOL,
      KEC_CENGKARENG,
      KEC_PALMERAH,
      KEL_KKA,
      KEL_KBS,
      POLRES,
      SUDINKES,
      SUDINSOS,
    ],
    minutes: [
      "Audiensi Kepala BNNP DKI Jakarta dengan Wali Kota Jakarta Barat beserta jajaran.",
      "",
      "Kesepakatan:",
      "1. Memperkuat pencegahan, edukasi dan rehabilitasi di lokasi rawan narkoba secara berkelanjutan, tidak sekali jalan.",
      '2. Mengintensifkan intervensi di Kompleks Permata ("Kampung Ambon"), Kelurahan Kedaung Kali Angke, dan Kampung Kiapang ("Boncos"), Kelurahan Kota Bambu Selatan.',
      "3. Menyusun peta permasalahan narkoba tingkat kota sebagai dasar program yang tepat sasaran.",
      "4. Menghimpun masukan para pemangku kepentingan sebagai dasar program.",
      "5. Menjajaki pembentukan (reaktivasi) BNNK Jakarta Barat; sementara itu koordinasi kota melalui Tim Terpadu P4GN (Permendagri 12/2019) yang dijalankan Kesbangpol.",
    ].join("\n"),
    items: [
      {
        raisedByOrganisation: BNNP,
        raisedBy: "Kepala BNNP DKI Jakarta",
        topic: "Intensifkan intervensi di Kompleks Permata (Kampung Ambon)",
        description:
          "Lokasi rawan dengan peredaran terbuka. Perlu penjangkauan IBM oleh Agen Pemulihan, tes urine sukarela, dan satgas warga.",
        priority: "high",
        areas: [KKA],
        locations: ["Kompleks Permata"],
        actions: [
          {
            title: "Penjangkauan IBM oleh Agen Pemulihan di Kampung Ambon, mulai Agustus 2025",
            owner: BNNP,
            dueOn: "2025-08-31",
            status: "done",
            completedAt: "2025-08-28T16:00:00+07:00",
          },
          {
            title: "Tes urine sukarela warga RW 07 Kedaung Kali Angke",
            owner: KEL_KKA,
            dueOn: "2025-10-31",
            status: "done",
            completedAt: "2025-10-25T12:00:00+07:00",
          },
          {
            title: "Pembentukan satgas P4GN tingkat RW di Kompleks Permata",
            owner: KEL_KKA,
            assignee: "kelurahan_officer",
            dueOn: "2026-09-30",
            status: "in_progress",
          },
        ],
      },
      {
        raisedByOrganisation: BNNP,
        raisedBy: "Kepala Bidang P2M BNNP DKI Jakarta",
        topic: "Intensifkan intervensi di Kampung Kiapang (Boncos)",
        description:
          "Kampung padat di Kota Bambu Selatan. Sosialisasi untuk remaja dan penjangkauan rutin, bukan kegiatan sekali.",
        priority: "high",
        areas: [KBS],
        locations: ["Kampung Kiapang"],
        actions: [
          {
            title: "Sosialisasi bahaya narkoba untuk remaja Kampung Boncos",
            owner: KEL_KBS,
            dueOn: "2025-09-30",
            status: "done",
            completedAt: "2025-09-20T11:00:00+07:00",
          },
          {
            title: "Jadwal penjangkauan bulanan Agen Pemulihan di Kampung Boncos",
            owner: BNNP,
            dueOn: "2026-12-15",
            status: "in_progress",
          },
        ],
      },
      {
        raisedByOrganisation: PEMKOT,
        raisedBy: "Wali Kota Jakarta Barat",
        topic: "Pencegahan, edukasi dan rehabilitasi berkelanjutan, tidak sekali jalan",
        description:
          "Program lintas instansi dengan jadwal tetap dan target yang bisa dipantau, dimulai dari kelurahan rawan.",
        priority: "high",
        areas: ["31.73"],
        status: "programme",
      },
      {
        raisedByOrganisation: KESBANGPOL,
        raisedBy: "Kepala Kesbangpol Jakarta Barat",
        topic: "Peta permasalahan narkoba tingkat kota sebagai dasar program tepat sasaran",
        description:
          "Pemetaan kawasan rawan per kelurahan, diperbarui tiap semester, dipaparkan ke Tim Terpadu.",
        priority: "high",
        areas: ["31.73"],
        actions: [
          {
            title: "Pemetaan kawasan rawan narkoba per kelurahan (putaran semester 1 2025)",
            owner: KESBANGPOL,
            dueOn: "2025-12-31",
            status: "done",
            completedAt: "2025-12-19T15:00:00+07:00",
          },
          {
            title: "Pemutakhiran peta rawan semester 2 dan paparan ke Tim Terpadu",
            owner: KESBANGPOL,
            assignee: "programme_officer",
            dueOn: "2026-10-31",
            status: "open",
          },
        ],
      },
      {
        raisedByOrganisation: PEMKOT,
        raisedBy: "Wali Kota Jakarta Barat",
        topic: "Penjajakan pembentukan BNNK Jakarta Barat",
        description:
          "Jakarta Barat belum memiliki BNNK; BNNP DKI bekerja langsung. Perlu kajian kebutuhan dan usulan ke BNN RI.",
        priority: "high",
        areas: ["31.73"],
        actions: [
          {
            title: "Kajian kebutuhan dan surat usulan pembentukan BNNK Jakarta Barat ke BNN RI",
            owner: PEMKOT,
            dueOn: "2026-03-31",
            status: "open",
          },
          {
            title: "Koordinasi terpisah BNNP dengan BNN RI tentang reaktivasi BNNK",
            owner: BNNP,
            dueOn: "2026-06-30",
            status: "dropped",
            dropReason:
              "Digabung ke kajian kebutuhan Pemkot; BNNP memberi masukan dalam kajian itu.",
          },
        ],
      },
      {
        raisedByOrganisation: KESBANGPOL,
        raisedBy: "Kepala Kesbangpol Jakarta Barat",
        topic: "Aktifkan Tim Terpadu P4GN kota sesuai Permendagri 12/2019",
        description: "Tanpa BNNK, Tim Terpadu adalah wadah koordinasi resmi tingkat kota.",
        priority: "medium",
        areas: ["31.73"],
        actions: [
          {
            title: "Pembaruan SK Wali Kota tentang Tim Terpadu P4GN Jakarta Barat",
            owner: KESBANGPOL,
            dueOn: "2025-09-30",
            status: "done",
            completedAt: "2025-09-12T10:00:00+07:00",
          },
          {
            title: "Laporan capaian tindak lanjut untuk rapat evaluasi tahunan",
            owner: KESBANGPOL,
            assignee: "programme_officer",
            dueOn: "2026-11-23",
            status: "done",
            completedAt: "2026-11-23T15:30:00+07:00",
          },
          {
            title: "Rapat Tim Terpadu P4GN setiap triwulan",
            owner: KESBANGPOL,
            dueOn: "2026-12-31",
            status: "open",
          },
        ],
      },
      {
        raisedByOrganisation: SUDINKES,
        raisedBy: "Kepala Suku Dinas Kesehatan",
        topic: "Perluas layanan rehabilitasi rawat jalan di puskesmas IPWL",
        description:
          "Rujukan dari penjangkauan IBM perlu tempat layanan dekat, terutama di Cengkareng.",
        priority: "medium",
        areas: ["31.73.01"],
        status: "accepted",
      },
      {
        raisedByOrganisation: POLRES,
        raisedBy: "Kasat Resnarkoba Polres Metro Jakarta Barat",
        topic: "Dukungan penegakan hukum di titik peredaran sekitar Kampung Ambon",
        description:
          "Operasi bersama diselaraskan dengan penjangkauan agar warga tidak menjauhi layanan.",
        priority: "medium",
        areas: [KKA],
        actions: [
          {
            title: "Operasi bersama di sekitar Kompleks Permata",
            owner: POLRES,
            dueOn: "2025-11-30",
            status: "done",
            completedAt: "2025-11-14T22:00:00+07:00",
          },
        ],
      },
      {
        raisedByOrganisation: KEC_PALMERAH,
        raisedBy: "Camat Pal Merah",
        topic: "Pemberdayaan ekonomi alternatif bagi warga Kampung Boncos",
        description:
          "Pelatihan keterampilan dan usaha kecil bagi pemuda dan keluarga klien pemulihan.",
        priority: "low",
        areas: [KBS],
        status: "programme",
      },
      {
        raisedByOrganisation: KEL_KKA,
        raisedBy: "Lurah Kedaung Kali Angke",
        topic: "Penerangan jalan dan ruang publik di gang sempit Kompleks Permata",
        description: "Gang gelap dan tanpa ruang bermain anak dianggap memudahkan transaksi.",
        priority: "low",
        areas: [KKA],
        status: "declined",
        declineReason: "Di luar kewenangan rapat ini; diteruskan ke Musrenbang Kelurahan 2026.",
      },
    ],
  },
  {
    heldOn: "2025-10-14",
    startTime: "13:30",
    place: "Ruang Rapat Kesbangpol, Kantor Wali Kota Administrasi Jakarta Barat",
    title: "Rapat Koordinasi Tim Terpadu P4GN Jakarta Barat: tindak lanjut audiensi",
    kind: "coordination",
    organiser: KESBANGPOL,
    attendees: [BNNP, KESBANGPOL, KEL_KKA, KEL_KBS, SUDINKES, SUDINSOS, SUDINDIK],
    minutes:
      "Evaluasi tindak lanjut audiensi Juni 2025. Penjangkauan di Kampung Ambon berjalan; peta rawan semester 1 dalam penyusunan. Masukan baru dari Suku Dinas Sosial dan Pendidikan.",
    items: [
      {
        raisedByOrganisation: SUDINSOS,
        raisedBy: "Kepala Suku Dinas Sosial",
        topic: "Dukungan sosial bagi keluarga klien rehabilitasi",
        description:
          "Pendataan keluarga klien yang membutuhkan bantuan sosial, tanpa membuka identitas klien ke instansi lain.",
        priority: "medium",
        areas: ["31.73"],
        actions: [
          {
            title:
              "Mekanisme rujukan bantuan sosial bagi keluarga klien (tanpa data pribadi di rapat)",
            owner: SUDINSOS,
            dueOn: "2026-01-31",
            status: "open",
          },
        ],
      },
      {
        raisedByOrganisation: SUDINDIK,
        raisedBy: "Kepala Suku Dinas Pendidikan",
        topic: "Sosialisasi dan tes urine di sekolah sekitar Kampung Ambon dan Boncos",
        description: "SMP dan SMA di Kedaung Kali Angke dan Kota Bambu Selatan.",
        priority: "high",
        areas: [KKA, KBS],
        actions: [
          {
            title: "Sosialisasi dan tes urine di 6 sekolah sekitar lokasi rawan",
            owner: SUDINDIK,
            dueOn: "2026-02-28",
            status: "done",
            completedAt: "2026-02-20T11:00:00+07:00",
          },
        ],
      },
    ],
  },
  {
    heldOn: "2026-11-24",
    startTime: "09:00",
    place: "Aula Kantor Wali Kota Administrasi Jakarta Barat",
    title: "Rapat Koordinasi Tim Terpadu P4GN Jakarta Barat: evaluasi tahunan 2026",
    kind: "coordination",
    organiser: KESBANGPOL,
    attendees: [BNNP, PEMKOT, KESBANGPOL, KEL_KKA, KEL_KBS, POLRES, SUDINKES],
    minutes:
      "Evaluasi setahun sejak audiensi. Beberapa tindak lanjut terlambat (peta rawan semester 2, kajian BNNK). Kegiatan di Kampung Boncos belum rutin.",
    items: [
      {
        raisedByOrganisation: BNNP,
        raisedBy: "Kepala Bidang P2M BNNP DKI Jakarta",
        topic: "Kegiatan bulanan di Kampung Boncos sering terlewat; perlu jadwal tetap",
        description: "Jadwal tetap dan penanggung jawab per bulan agar keberlanjutan terlihat.",
        priority: "high",
        areas: [KBS],
        locations: ["Kampung Kiapang"],
        status: "open",
      },
      {
        raisedByOrganisation: KEL_KKA,
        raisedBy: "Lurah Kedaung Kali Angke",
        topic: "Tambah Agen Pemulihan terlatih di Kedaung Kali Angke",
        description: "Dua Agen Pemulihan tidak cukup untuk RW 07 dan RW 08.",
        priority: "medium",
        areas: [KKA],
        actions: [
          {
            title: "Usulan nama calon Agen Pemulihan dari RW 07 dan RW 08",
            owner: KEL_KKA,
            assignee: "kelurahan_officer",
            dueOn: "2026-11-27",
            status: "open",
          },
          {
            title: "Pelatihan Agen Pemulihan angkatan 2027",
            owner: BNNP,
            dueOn: "2027-02-28",
            status: "open",
          },
        ],
      },
    ],
  },
];

export async function seedDemoMeetings(db: Kysely<Database>, demo: DemoContext): Promise<void> {
  const exists = await db
    .selectFrom("meetings")
    .where("title", "=", AUDIENCE_TITLE)
    .select("id")
    .executeTakeFirst();
  if (exists) return;
  const officerId = demo.userIds.get("programme_officer");
  const kelurahanId = demo.userIds.get("kelurahan_officer");
  const org = (name: string) => {
    const id = demo.organisationIds.get(name);
    if (!id) throw new Error(`demo organisation missing: ${name}`);
    return id;
  };
  if (!officerId) throw new Error("demo programme officer missing");
  const ctx: AuthedContext = {
    user: {
      id: officerId,
      email: "",
      name: "",
      role: "programme_officer",
      scope: "31.73",
      organisationId: org(KESBANGPOL),
      sessionId: "",
      csrfToken: "",
    },
    requestId: "demo:seed",
    ip: "local",
  };
  const meetings = new MeetingsService(db);
  const followUps = new FollowUpsService(db);
  const locations = new Map(
    (await db.selectFrom("named_locations").select(["id", "name"]).execute()).map((l) => [
      l.name,
      l.id,
    ]),
  );
  const assignees = { programme_officer: officerId, kelurahan_officer: kelurahanId };

  for (const m of MEETINGS) {
    const meeting = await meetings.create(ctx, {
      heldOn: m.heldOn,
      startTime: m.startTime,
      place: m.place,
      title: m.title,
      kind: m.kind,
      organiserOrganisationId: org(m.organiser),
      areaCode: "31.73",
      minutes: m.minutes,
      attendeeOrganisationIds: m.attendees.map(org),
    });
    for (const item of m.items) {
      const created = await meetings.createInputItem(ctx, meeting.id, {
        raisedByOrganisationId: item.raisedByOrganisation ? org(item.raisedByOrganisation) : null,
        raisedBy: item.raisedBy ?? "",
        topic: item.topic,
        description: item.description,
        priority: item.priority,
        areaCodes: item.areas,
        locationIds: (item.locations ?? []).flatMap((name) => {
          const id = locations.get(name);
          return id ? [id] : [];
        }),
      });
      if (item.status && item.status !== "open")
        await meetings.updateInputItem(ctx, created.id, {
          status: item.status,
          ...(item.declineReason ? { declineReason: item.declineReason } : {}),
        });
      for (const action of item.actions ?? []) {
        const assignee = action.assignee ? assignees[action.assignee] : undefined;
        const made = await followUps.create(ctx, created.id, {
          title: action.title,
          description: "",
          ownerOrganisationId: org(action.owner),
          assigneeUserId: assignee ?? null,
          dueOn: action.dueOn,
        });
        if (action.status !== "open")
          await followUps.update(ctx, made.id, {
            status: action.status,
            ...(action.dropReason ? { dropReason: action.dropReason } : {}),
          });
        if (action.completedAt)
          await db
            .updateTable("follow_up_actions")
            .set({ completed_at: action.completedAt })
            .where("id", "=", made.id)
            .execute();
      }
    }
  }
}
