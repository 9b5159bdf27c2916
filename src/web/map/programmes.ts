/**
 * Thematic colours of the programme maps (who does what where, coverage of risky places).
 * Categories are drawn by the choropleth preset; the words always appear in the legend and
 * labels, so no colour stands alone.
 */
import type { CategoryStyle } from "./types";

/** Coverage: risky with no activity, risky with activity, not risky. */
export const COVERAGE_COLOURS: Omit<CategoryStyle, "property"> = {
  colours: {
    uncovered: "#b2182b",
    covered: "#2166ac",
    other: "#f2f2ee",
  },
  fallback: "#f2f2ee",
};

/** Activity-count bands for the who-does-what-where map (sequential blues). */
export const ACTIVITY_BANDS = ["0", "1-2", "3-5", "6-10", "11+"] as const;
export type ActivityBand = (typeof ACTIVITY_BANDS)[number];

export const ACTIVITY_COLOURS: Omit<CategoryStyle, "property"> = {
  colours: {
    "0": "#f2f2ee",
    "1-2": "#c6dbef",
    "3-5": "#6baed6",
    "6-10": "#2171b5",
    "11+": "#08306b",
  },
  fallback: "#f2f2ee",
};

/** The band of an activity count. */
export function activityBand(count: number): ActivityBand {
  if (count <= 0) return "0";
  if (count <= 2) return "1-2";
  if (count <= 5) return "3-5";
  if (count <= 10) return "6-10";
  return "11+";
}
