import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../domain/risk/indicators";
import { Modal } from "../../components/Modal";
import type { RiskConfig } from "../risk/risk.types";
import { CatalogueChangeForm } from "./CatalogueChangeForm";

type Change = { kind: "add" } | { kind: "retire" | "restore"; indicator: Indicator };

interface CatalogueSectionProps {
  catalogue: RiskConfig["catalogue"];
  editable: boolean;
  onSaved: (version: number) => void;
}

/** The current indicator catalogue; with `risk_config:update`, add or retire indicators. */
export function CatalogueSection({ catalogue, editable, onSaved }: CatalogueSectionProps) {
  const { t } = useTranslation();
  const [change, setChange] = useState<Change | null>(null);
  return (
    <section
      className="card rules-section"
      aria-labelledby="catalogue-title"
      data-testid="catalogue"
    >
      <div className="rules-section__head">
        <div>
          <h2 id="catalogue-title" className="section-title">
            {t("rules.catalogue.title", { version: catalogue.version })}
          </h2>
          {catalogue.note ? <p className="muted">{catalogue.note}</p> : null}
        </div>
        {editable ? (
          <button
            type="button"
            className="button"
            data-testid="indicator-add"
            onClick={() => setChange({ kind: "add" })}
          >
            {t("rules.catalogue.add")}
          </button>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="catalogue-table" data-version={catalogue.version}>
          <caption className="visually-hidden">
            {t("rules.catalogue.title", { version: catalogue.version })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("rules.catalogue.code")}</th>
              <th scope="col">{t("rules.catalogue.kind")}</th>
              <th scope="col">{t("rules.catalogue.name")}</th>
              <th scope="col">{t("rules.catalogue.nameEn")}</th>
              <th scope="col">{t("table.status")}</th>
              {editable ? <th scope="col">{t("table.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {catalogue.indicators.map((indicator) => (
              <tr
                key={indicator.code}
                data-testid="indicator-row"
                data-code={indicator.code}
                data-retired={String(indicator.retired ?? false)}
              >
                <th scope="row" className="mono">
                  {indicator.code}
                </th>
                <td>{t(`risk.kind.${indicator.kind}`)}</td>
                <td lang="id">{indicator.name}</td>
                <td lang="en">{indicator.nameEn}</td>
                <td>
                  <span className={indicator.retired ? "badge badge--off" : "badge"}>
                    {indicator.retired ? t("rules.catalogue.retired") : t("table.active")}
                  </span>
                </td>
                {editable ? (
                  <td className="table__actions">
                    <button
                      type="button"
                      className={
                        indicator.retired
                          ? "button button--quiet button--small"
                          : "button button--danger-quiet button--small"
                      }
                      data-testid={indicator.retired ? "indicator-restore" : "indicator-retire"}
                      aria-label={t(
                        indicator.retired
                          ? "rules.catalogue.restoreNamed"
                          : "rules.catalogue.retireNamed",
                        { code: indicator.code },
                      )}
                      onClick={() =>
                        setChange({ kind: indicator.retired ? "restore" : "retire", indicator })
                      }
                    >
                      {indicator.retired
                        ? t("rules.catalogue.restore")
                        : t("rules.catalogue.retire")}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {change ? (
        <Modal
          title={t(`rules.catalogue.${change.kind}Title`)}
          onClose={() => setChange(null)}
          testId="catalogue-dialog"
        >
          <CatalogueChangeForm
            indicators={catalogue.indicators}
            change={change}
            onSaved={(version) => {
              setChange(null);
              onSaved(version);
            }}
            onCancel={() => setChange(null)}
          />
        </Modal>
      ) : null}
    </section>
  );
}
