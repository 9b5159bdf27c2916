import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../../components/Modal";
import { useFormat } from "../../i18n/format";
import { ClassBadge, useRiskLabels } from "../risk/classes";
import type { RiskConfig } from "../risk/risk.types";
import { RuleSetForm } from "./RuleSetForm";

const LEVELS = ["bahaya", "waspada", "siaga"] as const;

function Provisional({ provisional }: { provisional: boolean }) {
  const { t } = useTranslation();
  return provisional ? (
    <span className="provisional" data-testid="provisional">
      {t("risk.provisional")}
    </span>
  ) : (
    <span className="badge">{t("rules.published")}</span>
  );
}

interface RuleSetSectionProps {
  entry: RiskConfig["rules"][number];
  editable: boolean;
  onSaved: (version: number) => void;
}

/** The latest rule set of a method: thresholds (or survey weights and bands) with provisional marks. */
export function RuleSetSection({ entry, editable, onSaved }: RuleSetSectionProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const { number } = useFormat();
  const [editing, setEditing] = useState(false);
  const { rules } = entry;
  return (
    <section
      className="card rules-section"
      aria-labelledby={`rules-${entry.method}-title`}
      data-testid="rule-set"
      data-method={entry.method}
      data-version={entry.version}
    >
      <div className="rules-section__head">
        <div>
          <h2 id={`rules-${entry.method}-title`} className="section-title">
            {t("rules.set.title", { method: labels.method(entry.method), version: entry.version })}
          </h2>
          {entry.note ? <p className="muted">{entry.note}</p> : null}
        </div>
        {editable ? (
          <button
            type="button"
            className="button"
            data-testid="rules-edit"
            data-method={entry.method}
            onClick={() => setEditing(true)}
          >
            {t("rules.set.edit")}
          </button>
        ) : null}
      </div>
      {rules.method === "indicator" ? (
        <div className="table-wrap">
          <table className="table" data-testid="thresholds">
            <caption className="visually-hidden">{t("rules.set.thresholds")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("risk.table.class")}</th>
                <th scope="col">{t("rules.set.minPokok")}</th>
                <th scope="col">{t("rules.set.minPendukung")}</th>
                <th scope="col">{t("rules.set.standing")}</th>
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((level) => {
                const threshold = rules.thresholds[level];
                return (
                  <tr
                    key={level}
                    data-testid="threshold-row"
                    data-class={level}
                    data-provisional={String(threshold.provisional)}
                  >
                    <th scope="row">
                      <ClassBadge riskClass={level} />
                    </th>
                    <td>{number(threshold.pokok)}</td>
                    <td>{number(threshold.pendukung)}</td>
                    <td>
                      <Provisional provisional={threshold.provisional} />
                    </td>
                  </tr>
                );
              })}
              <tr data-class="aman">
                <th scope="row">
                  <ClassBadge riskClass="aman" />
                </th>
                <td colSpan={3}>{t("rules.set.otherwise")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <div className="rules-survey">
          <p>
            {t("rules.set.surveyStanding")} <Provisional provisional={rules.provisional} />
          </p>
          <h3 className="rules-subtitle">{t("rules.set.bands")}</h3>
          <ul className="plain-list" data-testid="survey-bands">
            {LEVELS.map((level) => (
              <li key={level}>
                <ClassBadge riskClass={level} />{" "}
                {t("rules.set.bandValue", { score: number(rules.bands[level]) })}
              </li>
            ))}
            <li>
              <ClassBadge riskClass="aman" />{" "}
              {t("rules.set.bandBelow", { score: number(rules.bands.siaga) })}
            </li>
          </ul>
          <h3 className="rules-subtitle">{t("rules.set.weights")}</h3>
          <ul className="plain-list" data-testid="survey-weights">
            {Object.entries(rules.weights).map(([item, weight]) => (
              <li key={item}>
                {item}: <strong>{number(weight)}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing ? (
        <Modal
          title={t("rules.set.editTitle", { method: labels.method(entry.method) })}
          onClose={() => setEditing(false)}
          testId="rules-dialog"
        >
          <RuleSetForm
            rules={rules}
            onSaved={(version) => {
              setEditing(false);
              onSaved(version);
            }}
            onCancel={() => setEditing(false)}
          />
        </Modal>
      ) : null}
    </section>
  );
}
