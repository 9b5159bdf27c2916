import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorKey } from "../../lib/http";
import { useSession } from "../auth/session";
import { createSchedule, fetchLocations, type ProgrammeDetail } from "./programmes.api";
import { usePickers } from "./usePickers";

/** Plan a recurring activity (e.g. monthly outreach in Kampung Boncos). */
export function ScheduleForm(props: {
  programme: ProgrammeDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const pickers = usePickers();
  const p = props.programme;
  const [title, setTitle] = useState("");
  const [typeCode, setTypeCode] = useState("ibm_outreach");
  const [areaCode, setAreaCode] = useState(p.targetAreas[0]?.areaCode ?? "");
  const [locationId, setLocationId] = useState("");
  const [frequency, setFrequency] = useState<"weekly" | "monthly">("monthly");
  const [interval, setInterval] = useState("1");
  const [startOn, setStartOn] = useState(p.periodStart);
  const [endOn, setEndOn] = useState(p.periodEnd);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [titleError, setTitleError] = useState("");
  const locations = useAsyncData(areaCode ? `loc-${areaCode}` : null, (s) =>
    fetchLocations(areaCode, s),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim().length < 3) {
      setTitleError(t("programmes.errors.name"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await createSchedule(csrfToken, p.id, {
        title: title.trim(),
        typeCode,
        areaCode,
        namedLocationId: locationId || null,
        frequency,
        interval: Number(interval) || 1,
        startOn,
        endOn,
      });
      props.onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="schedule-form">
      <FormAlert message={error ? t(errorKey(error)) : null} />
      <TextField
        id="schedule-title"
        label={t("programmes.fields.title")}
        value={title}
        onValue={setTitle}
        error={titleError}
        testId="schedule-title"
      />
      <div className="form-grid">
        <SelectField
          id="schedule-type"
          label={t("programmes.fields.type")}
          value={typeCode}
          onValue={setTypeCode}
        >
          {pickers.types.map((x) => (
            <option key={x.code} value={x.code}>
              {i18n.language === "en" ? x.nameEn : x.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="schedule-area"
          label={t("programmes.fields.kelurahan")}
          value={areaCode}
          onValue={setAreaCode}
          testId="schedule-area"
        >
          <option value="">{t("programmes.choose")}</option>
          {pickers.kelurahan
            .filter((a) => a.code === p.areaCode || a.code.startsWith(`${p.areaCode}.`))
            .map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="schedule-location"
          label={t("programmes.fields.location")}
          value={locationId}
          onValue={setLocationId}
        >
          <option value="">{t("programmes.none")}</option>
          {(locations.status === "success" ? locations.data : []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="schedule-frequency"
          label={t("programmes.fields.frequency")}
          value={frequency}
          onValue={(v) => setFrequency(v as "weekly" | "monthly")}
        >
          <option value="monthly">{t("programmes.frequency.monthly")}</option>
          <option value="weekly">{t("programmes.frequency.weekly")}</option>
        </SelectField>
        <TextField
          id="schedule-interval"
          type="number"
          min={1}
          max={12}
          label={t("programmes.fields.interval")}
          value={interval}
          onValue={setInterval}
        />
        <TextField
          id="schedule-start"
          type="date"
          label={t("programmes.fields.periodStart")}
          value={startOn}
          onValue={setStartOn}
        />
        <TextField
          id="schedule-end"
          type="date"
          label={t("programmes.fields.periodEnd")}
          value={endOn}
          onValue={setEndOn}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="schedule-save">
          {busy ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={props.onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
