/** Table types for custody and official figures (migration 0008). Shared column types come from ./schema. */
import type { ColumnType, Generated } from "kysely";
import type { Timestamp } from "./schema";

/** A `date` column: written and read as YYYY-MM-DD text (see server/time.ts dateText). */
type DateColumn = ColumnType<string, string, string>;

/** A lapas, rutan or LPKA. `area_code` is the area whose custody figures it counts towards. */
export interface CustodyFacilitiesTable {
  id: Generated<string>;
  name: string;
  type: string;
  area_code: string;
  active: Generated<boolean>;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** One dated count of a facility. Ratios are computed (domain/custody), never stored. */
export interface CustodyCountsTable {
  id: Generated<string>;
  facility_id: string;
  counted_on: DateColumn;
  capacity: number;
  occupants: number;
  drug_offenders: number | null;
  drug_users: number | null;
  drug_dealers: number | null;
  source: string;
  notes: Generated<string>;
  entered_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** The editable list of indicators a published figure can be about. */
export interface OfficialFigureIndicatorsTable {
  code: string;
  name: string;
  name_en: string;
  unit: Generated<string>;
  active: Generated<boolean>;
}

/** A published figure with its source. `value` is `numeric`: read as text, convert with Number. */
export interface OfficialFiguresTable {
  id: Generated<string>;
  indicator_code: string;
  label: Generated<string>;
  value: ColumnType<string, string | number, string | number>;
  unit: Generated<string>;
  period_start: DateColumn | null;
  period_end: DateColumn | null;
  period_label: Generated<string>;
  area_code: string;
  source_organisation: string;
  citation: Generated<string>;
  link: string | null;
  published_on: DateColumn | null;
  notes: Generated<string>;
  entered_by: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface KnowTables {
  custody_facilities: CustodyFacilitiesTable;
  custody_counts: CustodyCountsTable;
  official_figure_indicators: OfficialFigureIndicatorsTable;
  official_figures: OfficialFiguresTable;
}
