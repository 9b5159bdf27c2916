import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { AreaProperties } from "./areas.types";
import "./AreaPanel.css";

interface AreaPanelProps {
  area: AreaProperties;
  onClose: () => void;
}

/**
 * Details of one kelurahan: a side panel on wide screens, a bottom sheet on phones. Focus
 * moves to its heading when it opens (remount it with `key` per area); Escape closes it.
 */
export function AreaPanel({ area, onClose }: AreaPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === "Escape") onCloseRef.current();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <aside className="area-panel" data-testid="area-panel" aria-labelledby="area-panel-title">
      <div className="area-panel__header">
        <div>
          <p className="area-panel__eyebrow">{t("panel.title")}</p>
          <h2
            id="area-panel-title"
            className="area-panel__title"
            data-testid="area-name"
            tabIndex={-1}
            ref={headingRef}
          >
            {area.name}
          </h2>
        </div>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t("panel.closeAria")}
          onClick={onClose}
        >
          {t("panel.close")}
        </button>
      </div>
      <dl className="area-panel__facts">
        <div>
          <dt>{t("panel.code")}</dt>
          <dd data-testid="area-code" className="mono">
            {area.code}
          </dd>
        </div>
        <div>
          <dt>{t("panel.parent")}</dt>
          <dd data-testid="area-parent">{area.parentName ?? area.parent ?? ""}</dd>
        </div>
        <div>
          <dt>{t("panel.size")}</dt>
          <dd data-testid="area-size">
            {area.areaKm2 === null
              ? t("panel.sizeUnknown")
              : t("panel.sizeValue", { value: format.decimal(area.areaKm2, 2) })}
          </dd>
        </div>
      </dl>
    </aside>
  );
}
