import { useTranslation } from "react-i18next";
import type { AsyncState } from "../../hooks/useAsyncData";
import { useFormat } from "../../i18n/format";
import type { Round } from "./risk.types";

/** Value of the "latest published class of each kelurahan" choice. */
export const LATEST = "latest";

interface RoundSelectProps {
  id: string;
  label: string;
  testId: string;
  value: string;
  rounds: AsyncState<Round[]> & { retry: () => void };
  onChange: (value: string) => void;
  /** Offer "latest published" as the first choice. */
  withLatest?: boolean;
}

/** Number of published assessments of a round. */
export function publishedCount(round: Round): number {
  return round.counts.byStatus.published ?? 0;
}

/** A `<select>` of assessment rounds (name and period end; unpublished ones marked). */
export function RoundSelect(props: RoundSelectProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rounds, value } = props;
  const list = rounds.status === "success" ? rounds.data : [];
  const known = value === LATEST || list.some((round) => round.id === value);
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="field__select"
        data-testid={props.testId}
        value={value}
        disabled={rounds.status !== "success"}
        aria-busy={rounds.status === "loading"}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.withLatest ? <option value={LATEST}>{t("risk.rounds.latest")}</option> : null}
        {!known && value ? (
          <option value={value}>
            {rounds.status === "loading" ? t("risk.rounds.loading") : value}
          </option>
        ) : null}
        {list.map((round) => (
          <option key={round.id} value={round.id}>
            {publishedCount(round) > 0
              ? t("risk.rounds.option", { name: round.name, end: format.date(round.periodEnd) })
              : t("risk.rounds.optionUnpublished", {
                  name: round.name,
                  end: format.date(round.periodEnd),
                })}
          </option>
        ))}
      </select>
      {rounds.status === "error" ? (
        <p className="field__error" role="alert">
          {t("risk.rounds.loadError")}{" "}
          <button type="button" className="link-button" onClick={rounds.retry}>
            {t("status.retry")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
