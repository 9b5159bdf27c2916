import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entryLabel, type SuppressedEntry, suppressList, suppressTable } from "./suppression";

/**
 * An independent attacker. It sees what is published (numbers, "<t" and "—"), knows counts
 * are whole and non-negative and that "<t" means 1..t-1 ("—" may hide any count). For a hidden entry it searches, by backtracking over every hidden entry with
 * bounds pruning on each published line, for a table consistent with everything published in
 * which that entry differs from its true value. Found: the entry is not pinned.
 */
interface Published {
  m: number;
  n: number;
  /** Augmented (m+1) x (n+1) table: the true absolute values. */
  truth: number[][];
  /** null when published, else the kind of suppression. */
  mark: Array<Array<"small" | "hidden" | null>>;
  threshold: number;
}

function publishedOf(counts: number[][], threshold: number): Published {
  const t = suppressTable(counts, threshold);
  const m = counts.length;
  const n = counts[0]!.length;
  const truth: number[][] = [];
  const mark: Array<Array<"small" | "hidden" | null>> = [];
  const kind = (e: SuppressedEntry) => (e.kind === "value" ? null : e.kind);
  for (let r = 0; r <= m; r++) {
    truth.push([]);
    mark.push([]);
    for (let c = 0; c <= n; c++) {
      const rowSum = (k: number) => counts[k]!.reduce((a, b) => a + b, 0);
      const colSum = (k: number) => counts.reduce((a, row) => a + row[k]!, 0);
      const v =
        r < m && c < n
          ? counts[r]![c]!
          : r < m
            ? rowSum(r)
            : c < n
              ? colSum(c)
              : counts.reduce((a, _, k) => a + rowSum(k), 0);
      const e =
        r < m && c < n
          ? t.cells[r]![c]!
          : r < m
            ? t.rowTotals[r]!
            : c < n
              ? t.columnTotals[c]!
              : t.grandTotal;
      truth[r]!.push(v);
      mark[r]!.push(kind(e));
      if (e.kind === "value") expect(e.value).toBe(v);
    }
  }
  return { m, n, truth, mark, threshold };
}

/** Lines: each table row with its total, each column with its total, and the two margins. */
function lines(
  m: number,
  n: number,
): Array<{ cells: [number, number][]; total: [number, number] }> {
  const out: Array<{ cells: [number, number][]; total: [number, number] }> = [];
  for (let r = 0; r <= m; r++)
    out.push({
      cells: Array.from({ length: n }, (_, c) => [r, c] as [number, number]),
      total: [r, n],
    });
  for (let c = 0; c <= n; c++)
    out.push({
      cells: Array.from({ length: m }, (_, r) => [r, c] as [number, number]),
      total: [m, c],
    });
  return out;
}

/** Search a table consistent with `p` where entry (er, ec) is not `avoid`; null if none. */
function witness(p: Published, er: number, ec: number, avoid: number): number[][] | null {
  const { m, n, threshold: t } = p;
  const cap = p.truth[m]![n]! * 2 + 2 * t;
  const vars: [number, number][] = [];
  for (let r = 0; r <= m; r++) for (let c = 0; c <= n; c++) if (p.mark[r]![c]) vars.push([r, c]);
  const domain = (r: number, c: number): number[] => {
    const k = p.mark[r]![c];
    const vals: number[] = [];
    if (k === "small") for (let v = 1; v < t; v++) vals.push(v);
    else for (let v = 0; v <= cap; v++) vals.push(v);
    return r === er && c === ec ? vals.filter((v) => v !== avoid) : vals;
  };
  const domains = new Map(vars.map(([r, c]) => [`${r},${c}`, domain(r, c)]));
  const x: Array<Array<number | null>> = p.truth.map((row, r) =>
    row.map((v, c) => (p.mark[r]![c] ? null : v)),
  );
  const allLines = lines(m, n);
  const bounds = (r: number, c: number): [number, number] => {
    const v = x[r]![c] ?? null;
    if (v !== null) return [v, v];
    const d = domains.get(`${r},${c}`)!;
    return [d[0]!, d[d.length - 1]!];
  };
  const consistent = () =>
    allLines.every((line) => {
      let lo = 0;
      let hi = 0;
      for (const [r, c] of line.cells) {
        const [a, b] = bounds(r, c);
        lo += a;
        hi += b;
      }
      const [ta, tb] = bounds(...line.total);
      return lo <= tb && hi >= ta;
    });
  const solve = (k: number): boolean => {
    if (!consistent()) return false;
    if (k === vars.length) return true;
    const [r, c] = vars[k]!;
    for (const v of domains.get(`${r},${c}`)!) {
      x[r]![c] = v;
      if (solve(k + 1)) return true;
    }
    x[r]![c] = null;
    return false;
  };
  if (domains.get(`${er},${ec}`)!.length === 0) return null;
  return solve(0) ? (x as number[][]) : null;
}

/** Every line sums; every published entry kept; "<t" in range; "—" not in 1..t-1. */
function checkWitness(p: Published, x: number[][]): void {
  for (const line of lines(p.m, p.n)) {
    const s = line.cells.reduce((a, [r, c]) => a + x[r]![c]!, 0);
    expect(s).toBe(x[line.total[0]]![line.total[1]]);
  }
  for (let r = 0; r <= p.m; r++)
    for (let c = 0; c <= p.n; c++) {
      const v = x[r]![c]!;
      const k = p.mark[r]![c];
      expect(Number.isInteger(v) && v >= 0).toBe(true);
      if (k === null) expect(v).toBe(p.truth[r]![c]);
      else if (k === "small") expect(v >= 1 && v < p.threshold).toBe(true);
    }
}

/** Small tables with many small counts and zeros: the hard cases. */
const smallTable = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([m, n]) =>
    fc.array(
      fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 12 })),
        { minLength: n, maxLength: n },
      ),
      { minLength: m, maxLength: m },
    ),
  );

describe("small-cell suppression", () => {
  it("no hidden entry of a random table can be pinned down from what is published", () => {
    fc.assert(
      fc.property(smallTable, fc.constantFrom(3, 5), (counts, threshold) => {
        const p = publishedOf(counts, threshold);
        for (let r = 0; r <= p.m; r++)
          for (let c = 0; c <= p.n; c++) {
            const v = p.truth[r]![c]!;
            const k = p.mark[r]![c];
            // Every small count, cell or total, is hidden; only small counts show as "<t".
            if (v >= 1 && v < threshold) expect(k).not.toBeNull();
            if (k === "small") expect(v >= 1 && v < threshold).toBe(true);
            if (!k) continue;
            const x = witness(p, r, c, v);
            expect(x, `entry ${r},${c} of ${JSON.stringify(counts)} is pinned`).not.toBeNull();
            checkWitness(p, x!);
          }
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it("every row and column with a hidden entry has at least two", () => {
    fc.assert(
      fc.property(smallTable, (counts) => {
        const p = publishedOf(counts, 5);
        for (const line of lines(p.m, p.n)) {
          const hiddenCount = [...line.cells, line.total].filter(([r, c]) => p.mark[r]![c]).length;
          expect(hiddenCount === 0 || hiddenCount >= 2).toBe(true);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("is deterministic and never withholds a city-sized table (56 kelurahan x 12 months)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 9 }), { minLength: 12, maxLength: 12 }), {
          minLength: 56,
          maxLength: 56,
        }),
        (counts) => {
          const a = suppressTable(counts);
          expect(suppressTable(counts)).toEqual(a);
          expect(a.withheld).toBe(false);
        },
      ),
      { numRuns: 5, seed: 3 },
    );
  });

  it("shows zeros and large counts, hides a lone small count with its cheapest complements", () => {
    // 3 is small; its row and column need a second hidden cell each, and the cheapest cycle
    // is the rectangle through the smallest usable cells 6, 7 and 8 (the zero is not used).
    const t = suppressTable([
      [3, 6, 20],
      [7, 8, 30],
      [0, 9, 40],
    ]);
    const labels = t.cells.map((row) => row.map((e) => entryLabel(e, 5)));
    expect(labels).toEqual([
      ["<5", "—", "20"],
      ["—", "—", "30"],
      ["0", "9", "40"],
    ]);
    expect(t.rowTotals.map((e) => entryLabel(e, 5))).toEqual(["29", "45", "49"]);
    expect(t.columnTotals.map((e) => entryLabel(e, 5))).toEqual(["10", "23", "90"]);
    expect(entryLabel(t.grandTotal, 5)).toBe("123");
    expect(t.withheld).toBe(false);
  });

  it("hides a zero and a second total when the totals column would give a small total away", () => {
    // Row 0 sums to 2, so its total is small too. Then the totals column reads T0 + T1 = G:
    // with T1 and G published, T0 = 2 would follow, so one of them must go (T1, the smaller).
    // The cell 2 is protected by the cheapest cycle 2, 0, 10, 10 (the zero is its only
    // partner in row 0 besides the total).
    const t = suppressTable([
      [2, 0],
      [10, 10],
    ]);
    expect(t.cells.map((row) => row.map((e) => entryLabel(e, 5)))).toEqual([
      ["<5", "—"],
      ["—", "—"],
    ]);
    expect(t.rowTotals.map((e) => entryLabel(e, 5))).toEqual(["<5", "—"]);
    expect(t.columnTotals.map((e) => entryLabel(e, 5))).toEqual(["12", "10"]);
    expect(entryLabel(t.grandTotal, 5)).toBe("22");
  });

  it("shows a small count as — when a line of small counts would pin itself", () => {
    // Threshold 3: column 0 holds 1, 0, 1 with total 2. Shown as <3, <3 and <3, the only
    // solution would be 1 + 1 = 2; one of them is shown as — instead.
    const t = suppressTable(
      [
        [1, 0, 0],
        [0, 5, 1],
        [1, 5, 5],
      ],
      3,
    );
    const column0 = [t.cells[0]![0]!, t.cells[1]![0]!, t.cells[2]![0]!, t.columnTotals[0]!];
    expect(column0.map((e) => entryLabel(e, 3))).toEqual(["—", "0", "<3", "<3"]);
  });

  it("a table without small counts is published whole; an empty table too", () => {
    const t = suppressTable([
      [0, 5],
      [12, 0],
    ]);
    expect(
      [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal].every(
        (e) => e.kind === "value",
      ),
    ).toBe(true);
    expect(suppressTable([]).grandTotal).toEqual({ kind: "value", value: 0 });
  });

  it("a list of yearly counts hides a small year and one more", () => {
    const l = suppressList([40, 3, 25, 60]);
    expect(l.cells.map((e) => entryLabel(e, 5))).toEqual(["40", "<5", "—", "60"]);
    expect(l.total).toEqual({ kind: "value", value: 128 });
  });

  it("refuses bad input", () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1]], 1)).toThrow(RangeError);
  });
});
