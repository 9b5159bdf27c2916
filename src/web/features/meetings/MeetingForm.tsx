import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import {
  focusFirstInvalid,
  SelectField,
  TextAreaField,
  TextField,
  useFieldErrors,
} from "../../components/FormFields";
import { Modal } from "../../components/Modal";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorKey, invalidFields } from "../../lib/http";
import { useSession } from "../auth/session";
import {
  createMeeting,
  fetchOrganisationChoices,
  MEETING_KINDS,
  type MeetingDetail,
  type MeetingKind,
  updateMeeting,
} from "./meetings.api";

type Field =
  | "heldOn"
  | "startTime"
  | "title"
  | "kind"
  | "place"
  | "organiserOrganisationId"
  | "areaCode"
  | "minutes";

/** Create a meeting, or edit one (details, attendees, minutes). */
export function MeetingForm({
  meeting,
  onClose,
  onSaved,
}: {
  meeting?: MeetingDetail;
  onClose: () => void;
  onSaved: (meeting: MeetingDetail) => void;
}) {
  const { t } = useTranslation();
  const { csrfToken, user } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useAsyncData("meeting-organisations", fetchOrganisationChoices);
  const [values, setValues] = useState<Record<Field, string>>({
    heldOn: meeting?.heldOn ?? "",
    startTime: meeting?.startTime ?? "",
    title: meeting?.title ?? "",
    kind: meeting?.kind ?? "coordination",
    place: meeting?.place ?? "",
    organiserOrganisationId: meeting?.organiser.id ?? user?.organisationId ?? "",
    areaCode: meeting?.areaCode ?? user?.scope ?? "",
    minutes: meeting?.minutes ?? "",
  });
  const [attendees, setAttendees] = useState<Set<string>>(
    () => new Set(meeting?.attendees.map((a) => a.id) ?? []),
  );
  const [errors, setErrors, clear] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (!values.heldOn) missing.heldOn = t("meetings.form.required");
    if (values.title.trim().length < 3) missing.title = t("meetings.form.tooShort");
    if (!values.organiserOrganisationId)
      missing.organiserOrganisationId = t("meetings.form.required");
    if (!/^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/.test(values.areaCode))
      missing.areaCode = t("meetings.form.areaCode");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setFormError(null);
    const body = {
      heldOn: values.heldOn,
      startTime: values.startTime || null,
      title: values.title.trim(),
      kind: values.kind as MeetingKind,
      place: values.place.trim(),
      organiserOrganisationId: values.organiserOrganisationId,
      areaCode: values.areaCode,
      minutes: values.minutes,
      attendeeOrganisationIds: [...attendees],
    };
    try {
      const saved = meeting
        ? await updateMeeting(meeting.id, body, csrfToken)
        : await createMeeting(body, csrfToken);
      onSaved(saved);
    } catch (error) {
      const fields = invalidFields(error).filter((f): f is Field => f in values);
      setErrors(Object.fromEntries(fields.map((f) => [f, t("meetings.form.invalid")])));
      setFormError(t(errorKey(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={meeting ? t("meetings.form.editTitle") : t("meetings.form.newTitle")}
      onClose={onClose}
      wide
      testId="meeting-form"
    >
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert message={formError} testId="meeting-form-error" />
        <div className="meetings-form-grid">
          <TextField
            id="m-title"
            label={t("meetings.field.title")}
            value={values.title}
            onValue={set("title")}
            error={errors.title}
            testId="meeting-title"
            data-autofocus
            required
          />
          <SelectField
            id="m-kind"
            label={t("meetings.field.kind")}
            value={values.kind}
            onValue={set("kind")}
            testId="meeting-kind"
          >
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetings.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="m-date"
            label={t("meetings.field.heldOn")}
            type="date"
            value={values.heldOn}
            onValue={set("heldOn")}
            error={errors.heldOn}
            testId="meeting-date"
            required
          />
          <TextField
            id="m-time"
            label={t("meetings.field.startTime")}
            type="time"
            value={values.startTime}
            onValue={set("startTime")}
            error={errors.startTime}
          />
          <TextField
            id="m-place"
            label={t("meetings.field.place")}
            value={values.place}
            onValue={set("place")}
          />
          <TextField
            id="m-area"
            label={t("meetings.field.areaCode")}
            hint={t("meetings.form.areaHint")}
            value={values.areaCode}
            onValue={set("areaCode")}
            error={errors.areaCode}
            testId="meeting-area"
          />
          <SelectField
            id="m-organiser"
            label={t("meetings.field.organiser")}
            value={values.organiserOrganisationId}
            onValue={set("organiserOrganisationId")}
            error={errors.organiserOrganisationId}
            testId="meeting-organiser"
          >
            <option value="">{t("meetings.form.choose")}</option>
            {organisations.status === "success"
              ? organisations.data.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))
              : null}
          </SelectField>
        </div>
        <fieldset className="meetings-attendees">
          <legend>{t("meetings.field.attendees")}</legend>
          {organisations.status === "loading" ? (
            <p className="muted">{t("status.loading")}</p>
          ) : null}
          {organisations.status === "success"
            ? organisations.data.map((o) => (
                <label key={o.id} className="meetings-attendee">
                  <input
                    type="checkbox"
                    checked={attendees.has(o.id)}
                    onChange={(event) =>
                      setAttendees((current) => {
                        const next = new Set(current);
                        if (event.target.checked) next.add(o.id);
                        else next.delete(o.id);
                        return next;
                      })
                    }
                  />{" "}
                  {o.name}
                </label>
              ))
            : null}
        </fieldset>
        <TextAreaField
          id="m-minutes"
          label={t("meetings.field.minutes")}
          rows={6}
          value={values.minutes}
          onValue={set("minutes")}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            aria-busy={saving}
            disabled={saving}
            data-testid="meeting-save"
          >
            {saving ? t("form.working") : t("meetings.form.save")}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t("form.cancel")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
