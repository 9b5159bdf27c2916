/** The briefing PDF for a coordination meeting: title, map, classes, figures, actions, trend. */

import {
  drugShare,
  type MeasureValue,
  occupancyRatio,
  overcrowdingExcess,
} from "../../../domain/custody/measures";
import { RISK_COLOURS } from "../../../domain/risk/colours";
import {
  CONTENT_WIDTH,
  type Doc,
  ensureRoom,
  finish,
  footers,
  generatedText,
  heading,
  INK,
  longDate,
  MUTED,
  newDocument,
  num,
  PAGE,
  paragraph,
  RULE,
  safe,
  shortMonth,
  table,
} from "./pdf";
import { CLASS_WORDS, drawLegend, drawMap } from "./pdf-map";
import type { AreaInfo } from "./reports.repository";
import type { BriefingData } from "./reports.service";

/** A custody measure as printed: the same rounding as the custody pages (225,5%). */
function measureText(value: MeasureValue | null): string {
  return value ? `${num(value.percent, 1)}%` : "—";
}

export const NO_PERSONAL_DATA =
  'Tanpa data pribadi: hanya jumlah agregat; angka registri di bawah 5 ditulis "<5".';

const LEVEL_WORDS: Record<string, string> = {
  provinsi: "Provinsi",
  kabupaten: "Kabupaten Administrasi",
  kota: "Kota Administrasi",
  kecamatan: "Kecamatan",
  kelurahan: "Kelurahan",
};

const PILLAR_WORDS: Record<string, string> = {
  pencegahan: "Pencegahan",
  prevention: "Pencegahan",
  edukasi: "Edukasi",
  education: "Edukasi",
  pemberdayaan: "Pemberdayaan masyarakat",
  empowerment: "Pemberdayaan masyarakat",
  rehabilitasi: "Rehabilitasi",
  rehabilitation: "Rehabilitasi",
};

const STATUS_WORDS: Record<string, string> = {
  planned: "Direncanakan",
  active: "Berjalan",
  completed: "Selesai",
  cancelled: "Dibatalkan",
  open: "Terbuka",
  in_progress: "Dikerjakan",
};

/** "Kecamatan Pal Merah"; names that already say what they are ("Kota Administrasi ...") stay. */
export function areaTitle(area: AreaInfo): string {
  if (["kota", "kabupaten"].includes(area.level) && /^(kota|kabupaten)\b/i.test(area.name))
    return area.name;
  return `${LEVEL_WORDS[area.level] ?? area.level} ${area.name}`;
}

/** Registry counts: below 5 shown as "<5" (small cells could point at a person). */
function registryCount(n: number): string {
  return n > 0 && n < 5 ? "<5" : num(n);
}

function titlePage(doc: Doc, data: BriefingData) {
  const today = generatedText(data.generatedAt);
  doc.rect(0, 0, PAGE.width, 8).fill(RISK_COLOURS.bahaya);
  doc.y = 120;
  doc.font("Helvetica").fontSize(11).fillColor(MUTED).text("TANGGAP  ·  P4GN", PAGE.margin);
  doc.moveDown(0.6);
  doc
    .font("Helvetica-Bold")
    .fontSize(26)
    .fillColor(INK)
    .text("Bahan Rapat Koordinasi P4GN", PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor(RISK_COLOURS.bahaya)
    .text(safe(areaTitle(data.area)), { width: CONTENT_WIDTH });
  doc
    .font("Helvetica")
    .fontSize(10.5)
    .fillColor(MUTED)
    .text(
      safe(
        [`Kode wilayah ${data.area.code}`, ...data.lineage.slice(1).map((a) => areaTitle(a))].join(
          "  ·  ",
        ),
      ),
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(1.2);
  doc
    .font("Helvetica")
    .fontSize(12)
    .fillColor(INK)
    .text(`Tanggal: ${longDate(generatedIso(data.generatedAt))}`);
  doc.moveDown(2);

  heading(doc, "Ringkasan", 2);
  const c = data.classCounts;
  const last12 = data.months.slice(-12).reduce((s, m) => s + m.incidents, 0);
  const overdue = data.actions?.filter((a) => a.overdue).length ?? 0;
  const lines: [string, string][] = [
    ["Kelurahan di wilayah ini", num(data.kelurahan.length)],
    [
      "Kelas terbaru (Bahaya / Waspada / Siaga / Aman / belum dinilai)",
      `${c.bahaya} / ${c.waspada} / ${c.siaga} / ${c.aman} / ${c.none}`,
    ],
    ["Kawasan rawan (Bahaya dan Waspada)", num(c.bahaya + c.waspada)],
    ["Kejadian tercatat, 12 bulan terakhir", num(last12)],
  ];
  if (data.programmes) lines.push(["Program P4GN di wilayah ini", num(data.programmes.length)]);
  if (data.actions)
    lines.push(["Tindak lanjut terbuka (terlambat)", `${data.actions.length} (${overdue})`]);
  if (data.custody)
    lines.push([
      `Hunian lapas dan rutan (${longDate(data.custody.countedOn)})`,
      measureText(occupancyRatio(data.custody.occupants, data.custody.capacity)),
    ]);
  table(
    doc,
    [
      { header: "Ukuran", width: 3 },
      { header: "Nilai", width: 1.4, align: "right" },
    ],
    lines.map(([a, b]) => [a, b]),
    { size: 10 },
  );
  doc.moveDown(1);
  paragraph(
    doc,
    "Isi: 1. Peta kelas kawasan rawan  2. Kelas per kelurahan  3. Angka resmi dan sumbernya  " +
      "4. Program dan tindak lanjut  5. Kejadian per bulan",
    { muted: true },
  );
  paragraph(
    doc,
    `Disusun otomatis oleh Tanggap pada ${today} dari data yang dipublikasikan dan dicatat. ` +
      "Kelas kawasan rawan mengikuti metode BNN (Bahaya > Waspada > Siaga > Aman); Bahaya dan " +
      "Waspada dihitung sebagai rawan. Dokumen ini tidak memuat data pribadi.",
    { muted: true },
  );
}

function generatedIso(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function mapPage(doc: Doc, data: BriefingData) {
  doc.addPage();
  heading(doc, "1. Peta kelas kawasan rawan");
  const kelurahanReport = data.area.level === "kelurahan";
  paragraph(
    doc,
    kelurahanReport
      ? `Kelas terbaru yang dipublikasikan untuk setiap kelurahan di ${areaTitle(data.mapArea)}; ` +
          `${areaTitle(data.area)} bergaris tebal.`
      : `Kelas terbaru yang dipublikasikan untuk setiap kelurahan di ${areaTitle(data.area)}.`,
    { muted: true },
  );
  const classOf = new Map(data.classes.map((c) => [c.areaCode, c.class]));
  const top = doc.y + 4;
  const height = Math.min(520, PAGE.height - PAGE.bottom - top - 60);
  doc.rect(PAGE.margin, top, CONTENT_WIDTH, height).lineWidth(0.5).strokeColor(RULE).stroke();
  drawMap(
    doc,
    { x: PAGE.margin + 8, y: top + 8, width: CONTENT_WIDTH - 16, height: height - 16 },
    data.shapes.map((s) => ({
      code: s.code,
      name: s.name,
      geometry: s.geometry,
      riskClass: classOf.get(s.code) ?? null,
      labelLon: s.labelLon,
      labelLat: s.labelLat,
      highlight: kelurahanReport && s.code === data.area.code,
    })),
    data.markers,
  );
  const counts = { bahaya: 0, waspada: 0, siaga: 0, aman: 0, none: 0 };
  for (const s of data.shapes) counts[classOf.get(s.code) ?? "none"] += 1;
  drawLegend(doc, PAGE.margin, top + height + 12, counts, data.markers.length > 0);
  doc.y = top + height + 34;
  doc.x = PAGE.margin;
  paragraph(
    doc,
    "Warna: satu gradasi ungu, tergelap untuk Bahaya; sengaja berbeda dari warna siaga bencana. " +
      "Sumber: penilaian kawasan rawan yang dipublikasikan di Tanggap; batas wilayah Kemendagri.",
    { muted: true, size: 8 },
  );
}

function classTable(doc: Doc, data: BriefingData) {
  doc.addPage();
  heading(doc, "2. Kelas per kelurahan");
  const classOf = new Map(data.classes.map((c) => [c.areaCode, c]));
  const rows = data.kelurahan.map((k) => {
    const c = classOf.get(k.code);
    return [
      k.name,
      k.kecamatan,
      c ? CLASS_WORDS[c.class] : "Belum dinilai",
      c?.roundName ?? "",
      c ? longDate(c.periodEnd) : "",
      c?.pokok === null || c?.pokok === undefined ? "" : String(c.pokok),
      c?.pendukung === null || c?.pendukung === undefined ? "" : String(c.pendukung),
    ];
  });
  if (rows.length === 0) {
    paragraph(doc, "Tidak ada kelurahan di wilayah ini.", { muted: true });
    return;
  }
  table(
    doc,
    [
      { header: "Kelurahan", width: 2.2 },
      { header: "Kecamatan", width: 1.8 },
      { header: "Kelas", width: 1.2 },
      { header: "Putaran", width: 2 },
      { header: "Akhir periode", width: 1.6 },
      { header: "Pokok", width: 0.8, align: "right" },
      { header: "Pendukung", width: 1.1, align: "right" },
    ],
    rows,
    { emphasis: (i) => rows[i]?.[2] === "Bahaya" },
  );
  paragraph(
    doc,
    "Pokok dan pendukung: jumlah indikator yang ada pada penilaian yang dipublikasikan (Bahaya: " +
      "sedikitnya 5 pokok dan 4 pendukung).",
    { muted: true, size: 8 },
  );
}

function figuresSection(doc: Doc, data: BriefingData) {
  doc.addPage();
  heading(doc, "3. Angka resmi dan sumbernya");
  if (data.figures.length === 0) {
    paragraph(doc, "Belum ada angka resmi yang dicatat untuk wilayah ini atau wilayah induknya.", {
      muted: true,
    });
  } else {
    paragraph(
      doc,
      "Angka yang dipublikasikan, masing-masing dengan sumbernya. Bila sumber berbeda, semuanya " +
        "ditampilkan.",
      { muted: true },
    );
    table(
      doc,
      [
        { header: "Indikator", width: 2.3 },
        { header: "Nilai", width: 1.2, align: "right" },
        { header: "Periode", width: 1.6 },
        { header: "Wilayah", width: 1.4 },
        { header: "Sumber", width: 3.2 },
      ],
      data.figures.map((f) => [
        f.label ? `${f.indicatorName}: ${f.label}` : f.indicatorName,
        `${num(f.value, Number.isInteger(f.value) ? 0 : 1)}${f.unit ? ` ${f.unit}` : ""}`,
        f.period,
        f.areaName,
        [
          f.source,
          f.citation,
          f.publishedOn ? `terbit ${longDate(f.publishedOn)}` : "",
          f.link ?? "",
        ]
          .filter(Boolean)
          .join("; "),
      ]),
    );
  }

  heading(doc, "Lapas dan rutan", 2);
  if (!data.custody) {
    paragraph(doc, "Belum ada hitungan penghuni lapas dan rutan yang dicatat.", { muted: true });
  } else {
    const c = data.custody;
    const rows: string[][] = [
      ["Fasilitas dihitung", num(c.facilities)],
      ["Kapasitas", num(c.capacity)],
      ["Penghuni", num(c.occupants)],
      ["Rasio hunian (penghuni / kapasitas)", measureText(occupancyRatio(c.occupants, c.capacity))],
      [
        "Kelebihan hunian ((penghuni - kapasitas) / kapasitas)",
        measureText(overcrowdingExcess(c.occupants, c.capacity)),
      ],
    ];
    if (c.drugOffenders !== null) {
      rows.push(["Penghuni kasus narkotika", num(c.drugOffenders)]);
      rows.push(["Porsi kasus narkotika", measureText(drugShare(c.drugOffenders, c.occupants))]);
    }
    table(
      doc,
      [
        { header: `Hitungan terbaru tiap fasilitas (s.d. ${longDate(c.countedOn)})`, width: 3 },
        { header: "Nilai", width: 1.2, align: "right" },
      ],
      rows,
    );
    paragraph(doc, `Sumber: ${c.sources.join("; ")}.`, { muted: true, size: 8 });
  }

  heading(doc, "Klien rehabilitasi per tahun", 2);
  if (!data.rehab) {
    paragraph(doc, "Registri rehabilitasi belum tersedia di Tanggap.", { muted: true });
  } else if (data.rehab.length === 0) {
    paragraph(doc, "Belum ada klien rehabilitasi berdomisili di wilayah ini yang tercatat.", {
      muted: true,
    });
  } else {
    table(
      doc,
      [
        { header: "Tahun masuk", width: 1 },
        { header: "Klien (berdomisili di wilayah ini)", width: 2, align: "right" },
      ],
      data.rehab.map((r) => [String(r.year), registryCount(r.clients)]),
    );
    paragraph(
      doc,
      "Sumber: registri rehabilitasi Tanggap (klien berbeda per tahun masuk, tanpa identitas). " +
        "Angka resmi BNNP di atas dapat berbeda karena cakupannya berbeda.",
      { muted: true, size: 8 },
    );
  }
}

function actionsSection(doc: Doc, data: BriefingData) {
  doc.addPage();
  heading(doc, "4. Program dan tindak lanjut");
  heading(doc, "Program P4GN", 2);
  if (!data.programmes)
    paragraph(doc, "Register program belum tersedia di Tanggap.", { muted: true });
  else if (data.programmes.length === 0)
    paragraph(doc, "Belum ada program yang dicatat di wilayah ini.", { muted: true });
  else
    table(
      doc,
      [
        { header: "Program", width: 3 },
        { header: "Pilar", width: 1.6 },
        { header: "Status", width: 1.2 },
        { header: "Periode", width: 2 },
        { header: "Penanggung jawab", width: 2 },
        { header: "Kegiatan", width: 0.9, align: "right" },
      ],
      data.programmes.map((p) => [
        p.name,
        PILLAR_WORDS[p.pillar] ?? p.pillar,
        STATUS_WORDS[p.status] ?? p.status,
        `${longDate(p.periodStart)} – ${longDate(p.periodEnd)}`,
        p.lead,
        num(p.activities),
      ]),
    );

  heading(doc, "Tindak lanjut rapat yang masih terbuka", 2);
  if (!data.actions)
    paragraph(doc, "Register rapat dan tindak lanjut belum tersedia di Tanggap.", { muted: true });
  else if (data.actions.length === 0)
    paragraph(doc, "Tidak ada tindak lanjut terbuka untuk wilayah ini.", { muted: true });
  else {
    const rows = data.actions.map((a) => [
      a.title,
      a.owner,
      longDate(a.dueOn),
      a.overdue ? "TERLAMBAT" : (STATUS_WORDS[a.status] ?? a.status),
      a.meeting,
    ]);
    table(
      doc,
      [
        { header: "Tindak lanjut", width: 3 },
        { header: "Penanggung jawab", width: 2 },
        { header: "Tenggat", width: 1.5 },
        { header: "Status", width: 1.2 },
        { header: "Rapat", width: 2 },
      ],
      rows,
      { emphasis: (i) => data.actions?.[i]?.overdue ?? false },
    );
  }
}

function incidentsSection(doc: Doc, data: BriefingData) {
  ensureRoom(doc, 300);
  heading(doc, "5. Kejadian per bulan");
  paragraph(
    doc,
    `Kejadian narkotika yang tercatat di ${areaTitle(data.area)}, 24 bulan terakhir ` +
      `(${shortMonth(data.months[0]!.month)} – ${shortMonth(data.months.at(-1)!.month)}).`,
    { muted: true },
  );
  const top = doc.y + 6;
  const height = 170;
  const left = PAGE.margin + 28;
  const width = CONTENT_WIDTH - 28;
  const max = Math.max(1, ...data.months.map((m) => m.incidents));
  const step = width / data.months.length;
  doc.font("Helvetica").fontSize(7).fillColor(MUTED);
  for (const tick of [0, 0.5, 1]) {
    const y = top + height - tick * height;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
    doc.fillColor(MUTED).text(num(Math.round(max * tick)), PAGE.margin, y - 3, {
      width: 24,
      align: "right",
      lineBreak: false,
    });
  }
  data.months.forEach((m, i) => {
    const h = (m.incidents / max) * height;
    const x = left + i * step + step * 0.15;
    if (m.incidents > 0) doc.rect(x, top + height - h, step * 0.7, h).fill("#3f5f8a");
    if (m.incidents > 0)
      doc
        .font("Helvetica")
        .fontSize(6.5)
        .fillColor(INK)
        .text(String(m.incidents), x - 4, top + height - h - 9, {
          width: step * 0.7 + 8,
          align: "center",
          lineBreak: false,
        });
    if (i % 2 === 0)
      doc
        .font("Helvetica")
        .fontSize(6.5)
        .fillColor(MUTED)
        .text(shortMonth(m.month), x - 8, top + height + 4, {
          width: step * 0.7 + 16,
          align: "center",
          lineBreak: false,
        });
  });
  doc.y = top + height + 20;
  doc.x = PAGE.margin;
  const total = data.months.reduce((s, m) => s + m.incidents, 0);
  const arrests = data.months.reduce((s, m) => s + m.arrests, 0);
  paragraph(
    doc,
    `Jumlah 24 bulan: ${num(total)} kejadian, ${num(arrests)} penangkapan. Sumber: register ` +
      "kejadian Tanggap (laporan kepolisian, BNN, berita), tanpa identitas orang.",
    { muted: true, size: 8 },
  );
}

/** Render the briefing; pure function of its data. */
export async function renderBriefing(data: BriefingData): Promise<Buffer> {
  const doc = newDocument(`Bahan Rapat Koordinasi P4GN – ${areaTitle(data.area)}`);
  titlePage(doc, data);
  mapPage(doc, data);
  classTable(doc, data);
  figuresSection(doc, data);
  actionsSection(doc, data);
  incidentsSection(doc, data);
  footers(
    doc,
    `Tanggap · Bahan rapat ${areaTitle(data.area)} (${data.area.code}) · Dibuat ${generatedText(data.generatedAt)}`,
    NO_PERSONAL_DATA,
  );
  return finish(doc);
}
