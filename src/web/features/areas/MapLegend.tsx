import { useState } from "react";
import { useTranslation } from "react-i18next";

const WIDE_SCREEN = "(min-width: 720px)";

/** What the map's fills and lines mean; each entry names its line width, not just a colour. */
export function MapLegend() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => window.matchMedia?.(WIDE_SCREEN).matches ?? true);
  return (
    <details
      className="map-legend"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t("legend.title")}</summary>
      <ul>
        <li>
          <span className="swatch swatch--kelurahan" aria-hidden="true" />
          {t("legend.kelurahan")}
        </li>
        <li>
          <span className="swatch swatch--kecamatan" aria-hidden="true" />
          {t("legend.kecamatan")}
        </li>
        <li>
          <span className="swatch swatch--selected" aria-hidden="true" />
          {t("legend.selected")}
        </li>
        <li>
          <span className="swatch swatch--context" aria-hidden="true" />
          {t("legend.context")}
        </li>
      </ul>
    </details>
  );
}
