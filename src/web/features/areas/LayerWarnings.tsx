import { useTranslation } from "react-i18next";
import type { LayerWarning } from "./layers";

interface LayerWarningsProps {
  warnings: readonly LayerWarning[];
  onDismiss: (warning: LayerWarning) => void;
}

/** Non-fatal layer problems: the map is shown, with a visible note about what is missing. */
export function LayerWarnings({ warnings, onDismiss }: LayerWarningsProps) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <ul className="layer-warnings">
      {warnings.map((warning) => (
        <li key={warning} className="layer-warning" role="alert">
          <span>{t(warning)}</span>
          <button
            type="button"
            className="button button--quiet"
            aria-label={t("status.dismiss")}
            onClick={() => onDismiss(warning)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        </li>
      ))}
    </ul>
  );
}
