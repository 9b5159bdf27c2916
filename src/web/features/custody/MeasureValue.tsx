import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { Measure } from "./custody.api";

/** A derived percentage with its label ("Tingkat hunian 225,5%"), never a bare number. */
export function MeasureValue({
  kind,
  value,
  testId,
}: {
  kind: Measure["measure"];
  value: Measure | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { decimal } = useFormat();
  return (
    <span
      className="custody-measure"
      data-testid={testId}
      title={t(`know.custody.formula.${kind}`)}
    >
      <span className="custody-measure__label">{t(`know.custody.measure.${kind}`)}</span>{" "}
      <strong>{value ? `${decimal(value.percent, 1)}%` : t("know.custody.none")}</strong>
    </span>
  );
}
