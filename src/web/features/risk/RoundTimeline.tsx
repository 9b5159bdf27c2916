import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { publishedCount } from "./RoundSelect";
import type { Round } from "./risk.types";
import "./timeline-legend.css";

interface RoundTimelineProps {
  rounds: readonly Round[];
  /** The chosen round id, or null for "latest published". */
  selected: string | null;
  onSelect: (id: string) => void;
}

/**
 * The rounds as steps along time (by period end, oldest first). Each step is a button; the
 * chosen one is marked with `aria-pressed`, a heavier border and the word "shown".
 */
export function RoundTimeline({ rounds, selected, onSelect }: RoundTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = [...rounds].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.name.localeCompare(b.name),
  );
  if (steps.length === 0) return null;
  return (
    <nav className="timeline" aria-label={t("risk.timeline.label")} data-testid="round-timeline">
      <ol className="timeline__list">
        {steps.map((round) => {
          const active = round.id === selected;
          const published = publishedCount(round);
          return (
            <li key={round.id} className="timeline__item">
              <button
                type="button"
                className={active ? "timeline__step is-active" : "timeline__step"}
                data-testid="timeline-step"
                data-id={round.id}
                aria-pressed={active}
                onClick={() => onSelect(round.id)}
              >
                <span className="timeline__dot" aria-hidden="true" />
                <span className="timeline__name">{round.name}</span>
                <span className="timeline__meta">
                  {format.date(round.periodEnd)}
                  {" · "}
                  {published > 0
                    ? t("risk.timeline.published", { count: published })
                    : t("risk.timeline.unpublished")}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
