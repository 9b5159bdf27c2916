import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { LocationGeometry } from "../risk/risk.types";
import type { DrawMode } from "./GeometryEditor";
import { parseLocationGeoJson } from "./geojson";

interface GeometryToolsProps {
  mode: DrawMode;
  vertices: number;
  value: LocationGeometry | null;
  onMode: (mode: DrawMode) => void;
  onFinish: () => void;
  onUndo: () => void;
  onClear: () => void;
  onGeometry: (geometry: LocationGeometry) => void;
}

/** Buttons, coordinates and file upload of the geometry editor, with a spoken status line. */
export function GeometryTools(props: GeometryToolsProps) {
  const { t } = useTranslation();
  const { decimal } = useFormat();
  const id = useId();
  const { mode, vertices, value } = props;
  const [lon, setLon] = useState("");
  const [lat, setLat] = useState("");
  const [error, setError] = useState<string | null>(null);

  const placeTyped = (): void => {
    const x = Number(lon.replace(",", "."));
    const y = Number(lat.replace(",", "."));
    if (!(lon.trim() && lat.trim() && Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
      setError(t("locations.geometry.badCoordinates"));
      return;
    }
    setError(null);
    props.onGeometry({ type: "Point", coordinates: [x, y] });
  };

  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const parsed = parseLocationGeoJson(await file.text());
    if (parsed.ok) {
      setError(null);
      props.onGeometry(parsed.geometry);
    } else {
      setError(t(`locations.geojsonErrors.${parsed.problem}`, { type: parsed.type ?? "" }));
    }
  };

  const status =
    mode === "point"
      ? t("locations.geometry.placing")
      : mode === "polygon"
        ? t("locations.geometry.drawing", { count: vertices })
        : value?.type === "Point"
          ? t("locations.geometry.point", {
              lon: decimal(value.coordinates[0], 5),
              lat: decimal(value.coordinates[1], 5),
            })
          : value?.type === "Polygon"
            ? t("locations.geometry.polygon", { count: (value.coordinates[0]?.length ?? 1) - 1 })
            : t("locations.geometry.none");

  return (
    <div className="geometry-tools">
      <div className="form-actions">
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="geometry-point"
          aria-pressed={mode === "point"}
          onClick={() => props.onMode(mode === "point" ? "idle" : "point")}
        >
          {t("locations.geometry.placePoint")}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="geometry-polygon"
          aria-pressed={mode === "polygon"}
          onClick={() => props.onMode(mode === "polygon" ? "idle" : "polygon")}
        >
          {t("locations.geometry.drawPolygon")}
        </button>
        {mode === "polygon" ? (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="geometry-finish"
              disabled={vertices < 3}
              onClick={props.onFinish}
            >
              {t("locations.geometry.finish")}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              data-testid="geometry-undo"
              disabled={vertices === 0}
              onClick={props.onUndo}
            >
              {t("locations.geometry.undo")}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button button--danger-quiet button--small"
          data-testid="geometry-clear"
          disabled={!value && vertices === 0}
          onClick={props.onClear}
        >
          {t("locations.geometry.clear")}
        </button>
      </div>
      <p className="geometry-status" data-testid="geometry-status" aria-live="polite">
        {status}
      </p>
      <div className="geometry-more">
        <div className="geometry-coordinates">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-lon`}>
              {t("locations.geometry.lon")}
            </label>
            <input
              id={`${id}-lon`}
              className="field__input"
              data-testid="geometry-lon"
              inputMode="decimal"
              value={lon}
              onChange={(event) => setLon(event.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-lat`}>
              {t("locations.geometry.lat")}
            </label>
            <input
              id={`${id}-lat`}
              className="field__input"
              data-testid="geometry-lat"
              inputMode="decimal"
              value={lat}
              onChange={(event) => setLat(event.target.value)}
            />
          </div>
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="geometry-set-point"
            onClick={placeTyped}
          >
            {t("locations.geometry.setPoint")}
          </button>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t("locations.geometry.upload")}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            className="field__input"
            data-testid="geometry-file"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
          <p id={`${id}-file-hint`} className="field__hint">
            {t("locations.geometry.uploadHint")}
          </p>
        </div>
      </div>
      <div aria-live="assertive">
        {error ? (
          <p className="field__error" role="alert" data-testid="geometry-error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
