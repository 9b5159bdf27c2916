/**
 * Small-cell suppression for published count tables (the public page).
 *
 * A table is published with its row totals, column totals and grand total. The rules:
 *
 * - **Primary suppression**: every count from 1 to `threshold - 1` (default 5), interior cell
 *   or total, is shown as "<5". Zeros are shown: a zero says nothing happened in that cell,
 *   which is what the public page is for, and hiding them would force hiding almost the whole
 *   of a sparse table.
 * - **Secondary (complementary) suppression**: further cells are hidden ("—") so that no
 *   hidden value can be worked out from the published cells and totals.
 *
 * The attacker assumed knows every published number, that a "<5" entry lies in 1..4, that
 * counts are whole and non-negative, and nothing more of a "—" entry (it may hide any count,
 * small ones included, see below). A hidden entry is *protected* when all this does not pin
 * it to one value. This is the interval model of statistical offices' audits (tau-Argus).
 *
 * How. The table with its totals is written as an (m+1) x (n+1) table whose every row and
 * column sums to zero (interior cells as they are, the totals negated, the grand total
 * positive). Changing hidden entries by +1 and -1 alternately around a cycle of that table
 * keeps every published sum; a unit cycle through an entry, along which every hidden entry
 * stays within what the attacker knows of it, proves the entry is not pinned. For each small
 * count without such a cycle, the cheapest cycle (Dijkstra) is found and every entry on it
 * hidden. Costs: hiding a cell costs its value plus one (a zero costs ten times the threshold:
 * zeros are hidden only when nothing cheaper closes the cycle); hiding a total costs far more, so totals stay
 * published whenever they can; and when a line of small counts pins itself (a column of
 * "<5" cells whose total is "<5" too, say 1 + 1 = 2 with threshold 3), one of them is shown
 * as "—" instead of "<5", which says less. Entries added lie on their cycle, so they are
 * protected too; every row and column with a hidden entry ends with at least two.
 *
 * A cycle always exists (the cell, its column total, the grand total and its row total can
 * all grow together), so `withheld` (every non-zero entry hidden) is only a safety net. */

/** What a published entry shows. */
export type SuppressedEntry =
  | { kind: "value"; value: number }
  | { kind: "small" } // primary: 1 .. threshold-1, shown as "<threshold"
  | { kind: "hidden" }; // secondary: shown as "—"

export interface SuppressedTable {
  threshold: number;
  cells: SuppressedEntry[][];
  rowTotals: SuppressedEntry[];
  columnTotals: SuppressedEntry[];
  grandTotal: SuppressedEntry;
  /** True when no safe pattern was found and every non-zero entry is hidden. */
  withheld: boolean;
}

export const DEFAULT_THRESHOLD = 5;

/** Position in the augmented table: rows 0..m-1 are the table's, row m the column totals. */
interface Pos {
  r: number;
  c: number;
}

/** Hiding a total costs far more than hiding cells: totals stay published when they can. */
const MARGIN_COST = 1_000_000;
/** Hiding a zero costs this many times the threshold: zeros stay shown unless far cheaper. */
const ZERO_COST = 10;
/** Showing a small count as "—" rather than "<5" (it then says less): a last resort. */
const RELABEL_COST = 1_000;

/** Check a count table: rectangular, whole non-negative numbers. */
export function assertCountTable(counts: readonly (readonly number[])[]): void {
  const width = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== width) throw new RangeError("rows of a count table must be equally long");
    for (const v of row)
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError("counts must be whole non-negative numbers");
  }
}

type Mark = "small" | "hidden" | null;

/**
 * Suppress small counts and their complements in a table of counts (rows x columns).
 * `threshold` must be at least 2; counts 1..threshold-1 are small.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  threshold: number = DEFAULT_THRESHOLD,
): SuppressedTable {
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new RangeError("threshold must be a whole number of at least 2");
  assertCountTable(counts);
  const m = counts.length;
  const n = counts[0]?.length ?? 0;
  // Augmented table of absolute values.
  const value: number[][] = [];
  for (let r = 0; r <= m; r++) {
    value.push([]);
    for (let c = 0; c <= n; c++) {
      if (r < m && c < n) value[r]!.push(counts[r]![c]!);
      else if (r < m) value[r]!.push(sum(counts[r]!));
      else if (c < n) value[r]!.push(sum(counts.map((row) => row[c]!)));
      else value[r]!.push(sum(counts.map(sum)));
    }
  }
  const isSmall = (v: number) => v >= 1 && v < threshold;
  const mark: Mark[][] = value.map((row) => row.map((v) => (isSmall(v) ? "small" : null)));
  const primary: Pos[] = [];
  for (let r = 0; r <= m; r++) for (let c = 0; c <= n; c++) if (mark[r]![c]) primary.push({ r, c });

  const table: Augmented = { value, mark, threshold, m, n };
  // Smallest counts first: they are the most sensitive, and later ones reuse their cycles.
  primary.sort((a, b) => value[a.r]![a.c]! - value[b.r]![b.c]! || a.r - b.r || a.c - b.c);
  let withheld = false;
  for (const p of primary) {
    if (cheapestCycle(table, p, true)) continue;
    const cycle = cheapestCycle(table, p, false);
    if (!cycle) {
      withheld = true; // not reachable with totals in the table; kept as a safe fallback
      break;
    }
    for (const step of cycle) {
      const current = mark[step.r]![step.c];
      if (step.relabel || current === null) mark[step.r]![step.c] = "hidden";
    }
  }
  if (withheld)
    for (let r = 0; r <= m; r++)
      for (let c = 0; c <= n; c++) if (value[r]![c]! > 0) mark[r]![c] = "hidden";

  const entry = (r: number, c: number): SuppressedEntry => {
    const k = mark[r]![c] ?? null;
    return k === null ? { kind: "value", value: value[r]![c]! } : { kind: k };
  };
  return {
    threshold,
    cells: counts.map((row, r) => row.map((_, c) => entry(r, c))),
    rowTotals: counts.map((_, r) => entry(r, n)),
    columnTotals: Array.from({ length: n }, (_, c) => entry(m, c)),
    grandTotal: entry(m, n),
    withheld,
  };
}

interface Augmented {
  value: number[][];
  mark: Mark[][];
  threshold: number;
  m: number;
  n: number;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * The signed value of an augmented entry: interior cells and the grand total count
 * positively, row and column totals negatively, so every line sums to zero.
 */
function sign(t: Augmented, r: number, c: number): 1 | -1 {
  return (r === t.m) === (c === t.n) ? 1 : -1;
}

/**
 * The cost of moving an entry's signed value by `dir` (+1 up, -1 down) within what the
 * attacker would know of it, or null when impossible. `free` allows hidden entries only, as
 * they are (the test of whether an entry is already protected).
 */
function moveCost(
  t: Augmented,
  r: number,
  c: number,
  dir: 1 | -1,
  free: boolean,
): {
  cost: number;
  relabel: boolean;
} | null {
  const v = t.value[r]![c]!;
  const next = v + dir * sign(t, r, c);
  if (next < 0) return null;
  const k = t.mark[r]![c];
  if (k === "hidden") return { cost: 0, relabel: false };
  if (k === "small") {
    if (next >= 1 && next < t.threshold) return { cost: 0, relabel: false };
    return free ? null : { cost: RELABEL_COST, relabel: true };
  }
  if (free) return null;
  const margin = r === t.m || c === t.n;
  return {
    cost: (margin ? MARGIN_COST : 0) + (v === 0 ? ZERO_COST * t.threshold : 1 + v),
    relabel: false,
  };
}

interface Step extends Pos {
  relabel: boolean;
}

/**
 * The cheapest unit cycle through entry `p`: its signed value up (then a path from its
 * column back to its row) or down (a path from its row to its column). Nodes: rows 0..m
 * (ids 0..m) and columns 0..n (ids m+1..m+n+1); an entry that may go up gives the arc
 * row -> column, one that may go down column -> row, so a directed cycle alternates, one up
 * and one down at every row and column, and every line keeps its sum. With `free`, only
 * hidden entries as they are may be used; a cycle found then proves `p` is protected.
 */
function cheapestCycle(t: Augmented, p: Pos, free: boolean): Step[] | null {
  const rowNode = p.r;
  const colNode = t.m + 1 + p.c;
  let best: { cost: number; path: Step[] } | null = null;
  for (const dir of [1, -1] as const) {
    const own = moveCost(t, p.r, p.c, dir, free);
    if (!own) continue;
    const found =
      dir === 1
        ? shortestPath(t, colNode, rowNode, p, free)
        : shortestPath(t, rowNode, colNode, p, free);
    if (!found) continue;
    const cost = own.cost + found.cost;
    if (!best || cost < best.cost)
      best = { cost, path: [{ r: p.r, c: p.c, relabel: own.relabel }, ...found.path] };
  }
  return best ? best.path : null;
}

function shortestPath(
  t: Augmented,
  from: number,
  to: number,
  exclude: Pos,
  free: boolean,
): { cost: number; path: Step[] } | null {
  const { m, n } = t;
  const nodes = m + n + 2;
  const dist = new Array<number>(nodes).fill(Number.POSITIVE_INFINITY);
  const via = new Array<Step | null>(nodes).fill(null);
  const prev = new Array<number>(nodes).fill(-1);
  const done = new Array<boolean>(nodes).fill(false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let k = 0; k < nodes; k++)
      if (!done[k] && dist[k]! < Number.POSITIVE_INFINITY && (u < 0 || dist[k]! < dist[u]!)) u = k;
    if (u < 0 || u === to) break;
    done[u] = true;
    const isRow = u <= m;
    const count = isRow ? n + 1 : m + 1;
    for (let k = 0; k < count; k++) {
      const r = isRow ? u : k;
      const c = isRow ? k : u - m - 1;
      if (r === exclude.r && c === exclude.c) continue;
      // From a row we travel an up arc (row -> column); from a column a down arc.
      const move = moveCost(t, r, c, isRow ? 1 : -1, free);
      if (!move) continue;
      const next = isRow ? m + 1 + c : r;
      if (dist[u]! + move.cost < dist[next]!) {
        dist[next] = dist[u]! + move.cost;
        prev[next] = u;
        via[next] = { r, c, relabel: move.relabel };
      }
    }
  }
  if (dist[to] === Number.POSITIVE_INFINITY) return null;
  const path: Step[] = [];
  for (let k = to; k !== from; k = prev[k]!) path.push(via[k]!);
  return { cost: dist[to]!, path };
}

/** The label of an entry for display: the number, "<5" or "—". */
export function entryLabel(entry: SuppressedEntry, threshold: number): string {
  if (entry.kind === "value") return String(entry.value);
  return entry.kind === "small" ? `<${threshold}` : "—";
}

/**
 * Suppress a single list of counts with its total (a one-row table), e.g. entries per year.
 */
export function suppressList(
  counts: readonly number[],
  threshold: number = DEFAULT_THRESHOLD,
): { cells: SuppressedEntry[]; total: SuppressedEntry; withheld: boolean } {
  const t = suppressTable([counts], threshold);
  return { cells: t.cells[0] ?? [], total: t.grandTotal, withheld: t.withheld };
}
