/**
 * The BNNK formation brief: Jakarta Barat against the other cities of DKI on the workload
 * indicators Tanggap holds, each with its source, and the case for a city BNN office.
 */
import { RISK_COLOURS } from "../../../domain/risk/colours";
import type { ExportColumn } from "../exports";
import {
  CONTENT_WIDTH,
  finish,
  footers,
  generatedText,
  heading,
  INK,
  MUTED,
  newDocument,
  num,
  PAGE,
  paragraph,
  table,
} from "./pdf";
import type { BnnkData, BnnkRow } from "./reports.service";

export const BNNK_CITY = "31.73";

const NOT_RECORDED = "belum dicatat";

function registry(n: number | null): string {
  if (n === null) return NOT_RECORDED;
  return n > 0 && n < 5 ? "<5" : num(n);
}

/** Columns of the comparison as a table download. */
export function bnnkColumns(year: number): ExportColumn<BnnkRow>[] {
  return [
    { key: "code", header: "Kode" },
    { key: "name", header: "Kota/kabupaten" },
    { key: "population", header: "Penduduk", type: "number", value: (r) => r.population?.value },
    { key: "populationPeriod", header: "Penduduk: periode", value: (r) => r.population?.period },
    { key: "populationSource", header: "Penduduk: sumber", value: (r) => r.population?.source },
    { key: "kelurahan", header: "Kelurahan", type: "number" },
    { key: "assessed", header: "Kelurahan dinilai", type: "number" },
    { key: "bahaya", header: "Bahaya", type: "number" },
    { key: "waspada", header: "Waspada", type: "number" },
    {
      key: "rawan",
      header: "Rawan (Bahaya+Waspada)",
      type: "number",
      value: (r) => r.bahaya + r.waspada,
    },
    { key: "incidents", header: `Kejadian ${year}`, type: "number" },
    {
      key: "rehabClients",
      header: `Klien rehabilitasi ${year} (domisili)`,
      type: "number",
      // Small registry counts are not published as exact numbers.
      value: (r) =>
        r.rehabClients === null
          ? ""
          : r.rehabClients > 0 && r.rehabClients < 5
            ? "<5"
            : r.rehabClients,
    },
    { key: "activities", header: `Kegiatan P4GN ${year}`, type: "number" },
    { key: "participants", header: `Peserta kegiatan ${year}`, type: "number" },
  ];
}

/** Where each indicator comes from. */
export function bnnkSources(year: number): [string, string][] {
  return [
    [
      "Penduduk",
      "Register angka resmi Tanggap (indikator penduduk), dengan sumber yang dicatat per angka; kosong bila belum dimasukkan.",
    ],
    ["Kelurahan", "Kode dan batas wilayah Kemendagri yang dimuat di Tanggap."],
    [
      "Bahaya, Waspada",
      "Kelas terbaru yang dipublikasikan per kelurahan (penilaian kawasan rawan BNN di Tanggap).",
    ],
    [`Kejadian ${year}`, "Register kejadian narkotika Tanggap (laporan kepolisian, BNN, berita)."],
    [
      `Klien rehabilitasi ${year}`,
      "Registri rehabilitasi Tanggap: klien berbeda dengan masuk pada tahun itu menurut kota domisili; agregat tanpa identitas.",
    ],
    [
      `Kegiatan P4GN ${year}`,
      "Register program dan kegiatan Tanggap (kegiatan yang dilaksanakan).",
    ],
  ];
}

function rank(rows: BnnkRow[], value: (r: BnnkRow) => number | null): string | null {
  const values = rows.map((r) => ({ code: r.code, v: value(r) }));
  if (values.some((x) => x.v === null)) return null;
  const sorted = [...values].sort((a, b) => (b.v ?? 0) - (a.v ?? 0));
  const mine = values.find((x) => x.code === BNNK_CITY);
  if (!mine) return null;
  const position = sorted.findIndex((x) => x.v === mine.v) + 1;
  return `peringkat ${position} dari ${rows.length}`;
}

export async function renderBnnk(data: BnnkData): Promise<Buffer> {
  const doc = newDocument("Kajian pembentukan BNNK Jakarta Barat");
  const barat = data.rows.find((r) => r.code === BNNK_CITY);
  doc.rect(0, 0, PAGE.width, 8).fill(RISK_COLOURS.bahaya);
  doc.y = 60;
  doc.font("Helvetica").fontSize(10).fillColor(MUTED).text("TANGGAP  ·  P4GN", PAGE.margin);
  doc.moveDown(0.4);
  doc
    .font("Helvetica-Bold")
    .fontSize(21)
    .fillColor(INK)
    .text("Kajian Pembentukan BNNK Jakarta Barat", PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc
    .font("Helvetica")
    .fontSize(11)
    .fillColor(MUTED)
    .text(
      `Beban kerja P4GN Kota Jakarta Barat dibandingkan kota lain di DKI Jakarta, tahun ${data.year}. ` +
        `Disusun ${generatedText(data.generatedAt)}.`,
      { width: CONTENT_WIDTH },
    );
  doc.moveDown(1);

  heading(doc, "Mengapa BNNK Jakarta Barat", 2);
  paragraph(
    doc,
    "Kota Administrasi Jakarta Barat (kode 31.73) memiliki 8 kecamatan dan 56 kelurahan, sekitar " +
      "2,56 juta penduduk pada 125 km². Kota ini tidak memiliki kantor BNN kota (BNNK), sehingga " +
      "BNNP DKI Jakarta bekerja langsung di sana. Menurut Permendagri 12/2019, koordinasi P4GN " +
      "tingkat kota berada pada Tim Terpadu P4GN di bawah Wali Kota yang dijalankan Kesbangpol; " +
      "tanpa BNNK, tim inilah satu-satunya rumah koordinasi lintas lembaga di kota.",
  );
  paragraph(
    doc,
    "Audiensi BNNP DKI Jakarta dengan Wali Kota Jakarta Barat (2025) menyepakati penguatan " +
      "pencegahan, edukasi dan rehabilitasi di lokasi rawan secara berkelanjutan, pemetaan " +
      "masalah narkoba di seluruh kota, penghimpunan masukan pemangku kepentingan agar program " +
      "tepat sasaran, dan penjajakan pembentukan (pengaktifan kembali) BNNK. Lokasi yang disebut " +
      "antara lain Kompleks Permata (Kampung Ambon), Kedaung Kali Angke, dan Kampung Kiapang " +
      "(Boncos), Kota Bambu Selatan; pada 2019 pers mencatat enam kelurahan Jakarta Barat sebagai " +
      "zona merah. Tabel berikut menunjukkan beban kerja yang tercatat di Tanggap.",
  );

  if (barat) {
    const points: string[] = [];
    const rawan = rank(data.rows, (r) => r.bahaya + r.waspada);
    if (rawan)
      points.push(
        `Kelurahan rawan (Bahaya dan Waspada): ${num(barat.bahaya + barat.waspada)} dari ` +
          `${num(barat.kelurahan)} kelurahan, ${rawan}.`,
      );
    const incidents = rank(data.rows, (r) => r.incidents);
    if (incidents) points.push(`Kejadian ${data.year}: ${num(barat.incidents)}, ${incidents}.`);
    const rehab = rank(data.rows, (r) => r.rehabClients);
    if (rehab && barat.rehabClients !== null)
      points.push(
        `Klien rehabilitasi berdomisili di Jakarta Barat (${data.year}): ` +
          `${registry(barat.rehabClients)}, ${rehab}.`,
      );
    const activities = rank(data.rows, (r) => r.activities);
    if (activities && barat.activities !== null)
      points.push(`Kegiatan P4GN ${data.year}: ${num(barat.activities)}, ${activities}.`);
    if (barat.population)
      points.push(
        `Penduduk: ${num(barat.population.value)} (${barat.population.period}; ${barat.population.source}).`,
      );
    if (points.length > 0) {
      heading(doc, "Jakarta Barat menurut data Tanggap", 2);
      for (const p of points) paragraph(doc, `•  ${p}`);
    }
  }

  heading(doc, "Perbandingan kota di DKI Jakarta", 2);
  table(
    doc,
    [
      { header: "Kota/kabupaten", width: 2.3 },
      { header: "Penduduk", width: 1.4, align: "right" },
      { header: "Kel.", width: 0.8, align: "right" },
      { header: "Bahaya", width: 0.9, align: "right" },
      { header: "Waspada", width: 1, align: "right" },
      { header: `Kejadian ${data.year}`, width: 1.2, align: "right" },
      { header: `Klien rehab ${data.year}`, width: 1.3, align: "right" },
      { header: `Kegiatan ${data.year}`, width: 1.2, align: "right" },
    ],
    data.rows.map((r) => [
      r.name,
      r.population ? num(r.population.value) : NOT_RECORDED,
      num(r.kelurahan),
      num(r.bahaya),
      num(r.waspada),
      num(r.incidents),
      registry(r.rehabClients),
      r.activities === null ? NOT_RECORDED : num(r.activities),
    ]),
    { emphasis: (i) => data.rows[i]?.code === BNNK_CITY },
  );
  paragraph(
    doc,
    'Angka nol berarti tidak ada catatan di Tanggap, bukan berarti tidak ada masalah; "belum ' +
      'dicatat" berarti register itu belum dipakai. Klien rehabilitasi di bawah 5 ditulis "<5".',
    { muted: true, size: 8 },
  );
  heading(doc, "Sumber", 2);
  table(
    doc,
    [
      { header: "Indikator", width: 1.3 },
      { header: "Sumber", width: 4 },
    ],
    [
      ...bnnkSources(data.year),
      ...data.rows
        .filter((r) => r.population)
        .map((r): [string, string] => [
          `Penduduk ${r.name}`,
          `${r.population!.source} (${r.population!.period})`,
        ]),
    ],
  );
  footers(
    doc,
    `Tanggap · Kajian pembentukan BNNK Jakarta Barat · Dibuat ${generatedText(data.generatedAt)}`,
    'Tanpa data pribadi: hanya jumlah agregat per kota; angka registri di bawah 5 ditulis "<5".',
  );
  return finish(doc);
}
