import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextAreaField, TextField } from "../../components/FormFields";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorKey, invalidFields } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  type Activity,
  type ActivityInput,
  AGE_BANDS,
  createActivity,
  fetchLocations,
  type Participants,
  type ProgrammeSummary,
  type Schedule,
  updateActivity,
  uploadPhoto,
} from "./programmes.api";
import { usePickers } from "./usePickers";

interface Props {
  /** Programmes to choose from (one when recording from a programme's page). */
  programmes: ProgrammeSummary[];
  schedules?: Schedule[];
  activity: Activity | null;
  onSaved: (activity: Activity) => void;
  onCancel: () => void;
}

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
const PHOTO_MAX = 3 * 1024 * 1024;
const num = (v: string): number | null => (v.trim() === "" ? null : Number(v));

/** Record or edit an activity: where, when, who took part (by sex and age band), results, photos. */
export function ActivityForm({ programmes, schedules = [], activity, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { csrfToken, user } = useSession();
  const pickers = usePickers();
  const scope = user?.scope ?? "31";
  const [programmeId, setProgrammeId] = useState(activity?.programmeId ?? programmes[0]?.id ?? "");
  const programme = programmes.find((p) => p.id === programmeId);
  const [scheduleId, setScheduleId] = useState(activity?.scheduleId ?? "");
  const [typeCode, setTypeCode] = useState(activity?.typeCode ?? "sosialisasi");
  const [heldOn, setHeldOn] = useState(activity?.heldOn ?? new Date().toISOString().slice(0, 10));
  const [areaCode, setAreaCode] = useState(
    activity?.areaCode ?? (scope.split(".").length === 4 ? scope : ""),
  );
  const [locationId, setLocationId] = useState(activity?.namedLocationId ?? "");
  const [lon, setLon] = useState(activity?.point ? String(activity.point.lon) : "");
  const [lat, setLat] = useState(activity?.point ? String(activity.point.lat) : "");
  const [orgs, setOrgs] = useState<string[]>(activity?.organisations.map((o) => o.id) ?? []);
  const [participants, setParticipants] = useState<Participants>(activity?.participants ?? {});
  const [tested, setTested] = useState(activity?.urineTested?.toString() ?? "");
  const [positive, setPositive] = useState(activity?.urinePositive?.toString() ?? "");
  const [reached, setReached] = useState(activity?.reached?.toString() ?? "");
  const [referred, setReferred] = useState(activity?.referred?.toString() ?? "");
  const [notes, setNotes] = useState(activity?.notes ?? "");
  const [photos, setPhotos] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const locations = useAsyncData(areaCode ? `loc-${areaCode}` : null, (s) =>
    fetchLocations(areaCode, s),
  );
  const type = pickers.types.find((x) => x.code === typeCode);
  const kind = type?.resultKind ?? "none";
  const areaOptions = pickers.kelurahan.filter(
    (a) =>
      (a.code === scope || a.code.startsWith(`${scope}.`)) &&
      (!programme || a.code === programme.areaCode || a.code.startsWith(`${programme.areaCode}.`)),
  );

  const setCount = (band: (typeof AGE_BANDS)[number], sex: "male" | "female", value: string) =>
    setParticipants((p) => {
      const n = value === "" ? undefined : Math.max(0, Math.floor(Number(value)));
      return { ...p, [band]: { ...p[band], [sex]: n } };
    });
  const total = AGE_BANDS.reduce(
    (s, b) => s + (participants[b]?.male ?? 0) + (participants[b]?.female ?? 0),
    0,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!programmeId) errors.programmeId = t("programmes.errors.programme");
    if (!areaCode) errors.areaCode = t("programmes.errors.kelurahan");
    if (!heldOn) errors.heldOn = t("form.required");
    const r = {
      tested: num(tested),
      positive: num(positive),
      reached: num(reached),
      referred: num(referred),
    };
    if (kind === "urine_test" && (r.positive ?? 0) > (r.tested ?? 0))
      errors.urinePositive = t("programmes.errors.positive");
    if (kind === "outreach" && (r.referred ?? 0) > (r.reached ?? 0))
      errors.referred = t("programmes.errors.referred");
    if ((lon === "") !== (lat === "")) errors.point = t("programmes.errors.point");
    for (const f of photos)
      if (!PHOTO_TYPES.includes(f.type) || f.size > PHOTO_MAX)
        errors.photos = t("programmes.errors.photo");
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const clean: Participants = {};
    for (const b of AGE_BANDS) {
      const m = participants[b]?.male;
      const f = participants[b]?.female;
      if (m || f) clean[b] = { ...(m ? { male: m } : {}), ...(f ? { female: f } : {}) };
    }
    const input: ActivityInput = {
      programmeId,
      scheduleId: scheduleId || null,
      typeCode,
      heldOn,
      areaCode,
      namedLocationId: locationId || null,
      point: lon && lat ? { lon: Number(lon), lat: Number(lat) } : null,
      organisationIds: orgs,
      participants: clean,
      urineTested: kind === "urine_test" ? r.tested : null,
      urinePositive: kind === "urine_test" ? r.positive : null,
      reached: kind === "outreach" ? r.reached : null,
      referred: kind === "outreach" ? r.referred : null,
      notes,
    };
    setBusy(true);
    setError(null);
    try {
      const { programmeId: _p, ...patch } = input;
      let saved = activity
        ? await updateActivity(csrfToken, activity.id, patch)
        : await createActivity(csrfToken, input);
      for (const file of photos) await uploadPhoto(csrfToken, saved.id, file);
      if (photos.length > 0) saved = { ...saved, photos: [...saved.photos] };
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      const fields = invalidFields(caught);
      if (fields.length > 0)
        setFieldErrors(
          Object.fromEntries(fields.map((f) => [f.split(".")[0]!, t("programmes.errors.field")])),
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="activity-form">
      <FormAlert message={error ? t(errorKey(error)) : null} testId="activity-form-error" />
      <div className="form-grid">
        <SelectField
          id="activity-programme"
          label={t("programmes.fields.programme")}
          value={programmeId}
          onValue={setProgrammeId}
          error={fieldErrors.programmeId}
          disabled={activity !== null || programmes.length <= 1}
          testId="activity-programme"
        >
          {programmes.length === 0 ? <option value="">{t("programmes.choose")}</option> : null}
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="activity-type"
          label={t("programmes.fields.type")}
          value={typeCode}
          onValue={setTypeCode}
          testId="activity-type"
        >
          {pickers.types.map((x) => (
            <option key={x.code} value={x.code}>
              {i18n.language === "en" ? x.nameEn : x.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="activity-date"
          type="date"
          label={t("programmes.fields.heldOn")}
          value={heldOn}
          onValue={setHeldOn}
          error={fieldErrors.heldOn}
          testId="activity-date"
        />
        <SelectField
          id="activity-area"
          label={t("programmes.fields.kelurahan")}
          value={areaCode}
          onValue={(v) => {
            setAreaCode(v);
            setLocationId("");
          }}
          error={fieldErrors.areaCode}
          testId="activity-area"
        >
          <option value="">{t("programmes.choose")}</option>
          {areaOptions.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="activity-location"
          label={t("programmes.fields.location")}
          value={locationId}
          onValue={setLocationId}
          error={fieldErrors.namedLocationId}
          testId="activity-location"
        >
          <option value="">{t("programmes.none")}</option>
          {(locations.status === "success" ? locations.data : []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        {schedules.length > 0 ? (
          <SelectField
            id="activity-schedule"
            label={t("programmes.fields.schedule")}
            value={scheduleId}
            onValue={setScheduleId}
            testId="activity-schedule"
          >
            <option value="">{t("programmes.none")}</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id="activity-lon"
          type="number"
          step="any"
          label={t("programmes.fields.lon")}
          value={lon}
          onValue={setLon}
          error={fieldErrors.point}
          hint={t("programmes.hints.point")}
        />
        <TextField
          id="activity-lat"
          type="number"
          step="any"
          label={t("programmes.fields.lat")}
          value={lat}
          onValue={setLat}
        />
      </div>
      <fieldset>
        <legend>{t("programmes.fields.participants")}</legend>
        <div className="table-wrap">
          <table className="table participants-table" data-testid="participants-table">
            <thead>
              <tr>
                <th scope="col">{t("programmes.ageBand")}</th>
                <th scope="col">{t("programmes.male")}</th>
                <th scope="col">{t("programmes.female")}</th>
              </tr>
            </thead>
            <tbody>
              {AGE_BANDS.map((band) => (
                <tr key={band}>
                  <th scope="row">{t("programmes.years", { band })}</th>
                  {(["male", "female"] as const).map((sex) => (
                    <td key={sex}>
                      <input
                        type="number"
                        min={0}
                        inputMode="numeric"
                        className="field__input"
                        aria-label={t("programmes.participantsCell", {
                          band,
                          sex: t(`programmes.${sex}`),
                        })}
                        data-testid={`participants-${band}-${sex}`}
                        value={participants[band]?.[sex] ?? ""}
                        onChange={(e) => setCount(band, sex, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted" data-testid="participants-total">
          {t("programmes.participantsTotal", { count: total })}
        </p>
      </fieldset>
      {kind === "urine_test" ? (
        <div className="form-grid">
          <TextField
            id="activity-tested"
            type="number"
            min={0}
            label={t("programmes.fields.urineTested")}
            value={tested}
            onValue={setTested}
            testId="activity-tested"
          />
          <TextField
            id="activity-positive"
            type="number"
            min={0}
            label={t("programmes.fields.urinePositive")}
            value={positive}
            onValue={setPositive}
            error={fieldErrors.urinePositive}
            testId="activity-positive"
          />
        </div>
      ) : null}
      {kind === "outreach" ? (
        <div className="form-grid">
          <TextField
            id="activity-reached"
            type="number"
            min={0}
            label={t("programmes.fields.reached")}
            value={reached}
            onValue={setReached}
            testId="activity-reached"
          />
          <TextField
            id="activity-referred"
            type="number"
            min={0}
            label={t("programmes.fields.referred")}
            value={referred}
            onValue={setReferred}
            error={fieldErrors.referred}
            testId="activity-referred"
          />
        </div>
      ) : null}
      <fieldset>
        <legend>{t("programmes.fields.organisations")}</legend>
        <p className="field__hint">{t("programmes.hints.organisations")}</p>
        <div className="check-list">
          {pickers.organisations.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                checked={orgs.includes(o.id)}
                onChange={() =>
                  setOrgs((l) => (l.includes(o.id) ? l.filter((x) => x !== o.id) : [...l, o.id]))
                }
              />{" "}
              {o.name}
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id="activity-notes"
        label={t("programmes.fields.notes")}
        value={notes}
        onValue={setNotes}
      />
      <div className="field">
        <label className="field__label" htmlFor="activity-photos">
          {t("programmes.fields.photos")}
        </label>
        <input
          id="activity-photos"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp"
          data-testid="activity-photos"
          aria-describedby="activity-photos-hint"
          onChange={(e) => setPhotos([...(e.target.files ?? [])])}
        />
        <div id="activity-photos-hint" className="field__hint">
          {t("programmes.hints.photos")}
        </div>
        {fieldErrors.photos ? <p className="field__error">{fieldErrors.photos}</p> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="activity-save">
          {busy ? t("form.saving") : t("form.save")}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}
