import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format";
import { ClassBadge, StatusBadge } from "./classes";
import type { Assessment } from "./risk.types";

interface AssessmentTableProps {
  assessments: readonly Assessment[];
  busy: boolean;
  /** Whether verified rows can be ticked (to return them to draft). */
  selectable: boolean;
  selectedIds: readonly string[];
  onToggle: (id: string, selected: boolean) => void;
  onEdit: (assessment: Assessment) => void;
}

/** The assessments of a round: area (or named location), status, class, counts, actions. */
export function AssessmentTable(props: AssessmentTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { assessments, selectable, selectedIds } = props;
  const count = (value: number | null): string => (value === null ? "—" : format.number(value));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="assessment-table" aria-busy={props.busy}>
        <caption className="visually-hidden">{t("risk.round.assessments")}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col">
                <span className="visually-hidden">{t("risk.round.select")}</span>
              </th>
            ) : null}
            <th scope="col">{t("risk.table.kelurahan")}</th>
            <th scope="col">{t("risk.table.kecamatan")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{t("risk.table.class")}</th>
            <th scope="col" className="table__number">
              {t("risk.table.pokok")}
            </th>
            <th scope="col" className="table__number">
              {t("risk.table.pendukung")}
            </th>
            <th scope="col">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((assessment) => {
            const name = assessment.locationName
              ? t("risk.round.locationIn", {
                  name: assessment.locationName,
                  kelurahan: assessment.areaName,
                })
              : assessment.areaName;
            return (
              <tr
                key={assessment.id}
                data-testid="assessment-row"
                data-id={assessment.id}
                data-code={assessment.areaCode}
                data-location={assessment.locationId ?? undefined}
                data-status={assessment.status}
                data-class={assessment.class}
              >
                {selectable ? (
                  <td>
                    {assessment.status === "verified" ? (
                      <input
                        type="checkbox"
                        className="row-check"
                        data-testid="assessment-select"
                        aria-label={t("risk.round.selectNamed", { name })}
                        checked={selectedIds.includes(assessment.id)}
                        onChange={(event) => props.onToggle(assessment.id, event.target.checked)}
                      />
                    ) : null}
                  </td>
                ) : null}
                <th scope="row" className="table__primary">
                  {assessment.locationName ? (
                    name
                  ) : (
                    <Link to={`/rawan/wilayah/${assessment.areaCode}`}>{assessment.areaName}</Link>
                  )}
                  <span className="table__sub muted mono">{assessment.areaCode}</span>
                  {assessment.verifyComment ? (
                    <span className="table__sub muted">
                      {t("risk.round.comment", { comment: assessment.verifyComment })}
                    </span>
                  ) : null}
                </th>
                <td>{assessment.kecamatanName ?? "—"}</td>
                <td>
                  <StatusBadge status={assessment.status} />
                </td>
                <td>
                  <ClassBadge riskClass={assessment.class} />
                  {assessment.surveyScore !== null ? (
                    <span className="table__sub muted">
                      {t("risk.profile.score", {
                        score: format.decimal(assessment.surveyScore, 1),
                      })}
                    </span>
                  ) : null}
                </td>
                <td className="table__number">{count(assessment.pokok)}</td>
                <td className="table__number">{count(assessment.pendukung)}</td>
                <td className="table__actions">
                  {assessment.actions.includes("update") ? (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="assessment-edit"
                      aria-label={t("risk.round.editNamed", { name })}
                      onClick={() => props.onEdit(assessment)}
                    >
                      {t("form.edit")}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
