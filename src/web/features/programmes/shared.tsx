/** Small pieces shared by the programme pages: traffic lights, period picker, money. */
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format";
import type { TrafficLight } from "./programmes.api";
import "./programmes.css";

/** A traffic light with its word (never colour alone). */
export function LightBadge({ light, testId }: { light: TrafficLight; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`light light--${light}`} data-testid={testId} data-light={light}>
      <span className="light__dot" aria-hidden="true" />
      {t(`programmes.light.${light}`)}
    </span>
  );
}

/** Rupiah without decimals. */
export function useMoney() {
  const { number } = useFormat();
  return (value: number) => `Rp${number(value, { maximumFractionDigits: 0 })}`;
}

/** Percentage of a share (0 to 1), or a dash. */
export function usePercent() {
  const { number } = useFormat();
  return (share: number | null) =>
    share === null ? "—" : `${number(share * 100, { maximumFractionDigits: 0 })}%`;
}

/** This year in Jakarta, for default periods. */
export function currentYear(): number {
  return new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
}

/** The period and pillar of an analysis page, kept in the address. */
export function usePeriodParams() {
  const [params, setParams] = useSearchParams();
  const year = currentYear();
  const from = params.get("from") ?? `${year}-01-01`;
  const to = params.get("to") ?? `${year}-12-31`;
  const pillar = params.get("pillar") ?? "";
  const city = params.get("city") ?? "31.73";
  const update = (changes: Record<string, string>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  return { from, to, pillar, city, update };
}

/** From and to dates, a pillar and quick choices of a whole year. */
export function PeriodPicker(props: {
  from: string;
  to: string;
  pillar: string;
  onChange: (changes: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const year = currentYear();
  return (
    <fieldset className="period-picker" data-testid="period-picker">
      <legend className="visually-hidden">{t("programmes.period.legend")}</legend>
      <div className="field">
        <label className="field__label" htmlFor="period-from">
          {t("programmes.period.from")}
        </label>
        <input
          id="period-from"
          type="date"
          className="field__input"
          data-testid="period-from"
          value={props.from}
          onChange={(e) => e.target.value && props.onChange({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="period-to">
          {t("programmes.period.to")}
        </label>
        <input
          id="period-to"
          type="date"
          className="field__input"
          data-testid="period-to"
          value={props.to}
          onChange={(e) => e.target.value && props.onChange({ to: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="period-pillar">
          {t("programmes.fields.pillar")}
        </label>
        <select
          id="period-pillar"
          className="field__select"
          value={props.pillar}
          onChange={(e) => props.onChange({ pillar: e.target.value })}
        >
          <option value="">{t("programmes.all")}</option>
          {(
            [
              "pencegahan",
              "edukasi_diseminasi",
              "pemberdayaan_masyarakat",
              "rehabilitasi",
              "dukungan_penegakan",
            ] as const
          ).map((p) => (
            <option key={p} value={p}>
              {t(`programmes.pillar.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="period-picker__years">
        {[year - 1, year].map((y) => (
          <button
            key={y}
            type="button"
            className="button button--quiet button--small"
            data-testid={`period-year-${y}`}
            onClick={() => props.onChange({ from: `${y}-01-01`, to: `${y}-12-31` })}
          >
            {y}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
