import { useTranslation } from "react-i18next";
import { DEFAULT_INDICATORS, type Indicator } from "../../../domain/risk/indicators";
import { useFormat } from "../../i18n/format";
import { useIndicatorName } from "./IndicatorFields";
import type { AreaRiskProfile } from "./risk.types";

/** At most this many rounds side by side (the newest). */
const MAX_ROUNDS = 4;

interface ProfileIndicatorsProps {
  history: AreaRiskProfile["history"];
  /** The current catalogue when the person may read it; else BNN's default names. */
  catalogue: readonly Indicator[] | null;
}

/**
 * Indicators of the latest rounds side by side: present or absent (a word and a mark, never
 * colour alone) with the evidence recorded, then each round's notes and source.
 */
export function ProfileIndicators({ history, catalogue }: ProfileIndicatorsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useIndicatorName();
  const rounds = history
    .filter((entry) => Object.keys(entry.indicators).length > 0)
    .slice(0, MAX_ROUNDS);
  if (rounds.length === 0) return <p className="muted">{t("risk.profile.noIndicators")}</p>;
  const known = catalogue ?? DEFAULT_INDICATORS;
  const codes = [...new Set(rounds.flatMap((entry) => Object.keys(entry.indicators)))];
  const indicators: Indicator[] = [
    ...known.filter((indicator) => codes.includes(indicator.code)),
    ...codes
      .filter((code) => !known.some((indicator) => indicator.code === code))
      .map((code) => ({ code, kind: "pokok" as const, name: code, nameEn: code })),
  ];
  return (
    <>
      <div className="table-wrap">
        <table className="table indicator-table" data-testid="profile-indicators">
          <caption className="visually-hidden">{t("risk.profile.indicators")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("risk.profile.indicator")}</th>
              {rounds.map((entry) => (
                <th key={entry.roundId} scope="col">
                  {entry.roundName}
                  <span className="table__sub">{format.date(entry.periodEnd)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.code} data-testid="profile-indicator" data-code={indicator.code}>
                <th scope="row">
                  <span className="mono">{indicator.code}</span> {nameOf(indicator)}
                  <span className="table__sub muted">{t(`risk.kind.${indicator.kind}`)}</span>
                </th>
                {rounds.map((entry) => {
                  const value = entry.indicators[indicator.code];
                  return (
                    <td
                      key={entry.roundId}
                      data-round={entry.roundId}
                      data-present={value ? String(value.present) : undefined}
                    >
                      {value ? (
                        <span className={value.present ? "presence presence--yes" : "presence"}>
                          <span aria-hidden="true">{value.present ? "✓ " : "– "}</span>
                          {value.present ? t("risk.profile.present") : t("risk.profile.absent")}
                        </span>
                      ) : (
                        <span className="muted">{t("risk.profile.notRecorded")}</span>
                      )}
                      {value?.evidence ? (
                        <span className="table__sub">{value.evidence}</span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="round-notes">
        {rounds
          .filter((entry) => entry.notes || entry.source)
          .map((entry) => (
            <div key={entry.roundId}>
              <dt>{entry.roundName}</dt>
              {entry.notes ? <dd>{t("risk.profile.notes", { text: entry.notes })}</dd> : null}
              {entry.source ? <dd>{t("risk.profile.source", { text: entry.source })}</dd> : null}
            </div>
          ))}
      </dl>
    </>
  );
}
