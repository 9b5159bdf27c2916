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
  createFollowUp,
  createInputItem,
  fetchOrganisationChoices,
  type InputItem,
  PRIORITIES,
  type Priority,
} from "./meetings.api";

const AREA = /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/;

type ItemField =
  | "raisedByOrganisationId"
  | "raisedBy"
  | "topic"
  | "description"
  | "priority"
  | "areaCodes";

/** Record an input item (masukan) raised at a meeting. */
export function InputItemForm({
  meetingId,
  onClose,
  onSaved,
}: {
  meetingId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useAsyncData("meeting-organisations", fetchOrganisationChoices);
  const [values, setValues] = useState<Record<ItemField, string>>({
    raisedByOrganisationId: "",
    raisedBy: "",
    topic: "",
    description: "",
    priority: "medium",
    areaCodes: "",
  });
  const [errors, setErrors, clear] = useFieldErrors<ItemField>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: ItemField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const areaCodes = values.areaCodes
      .split(/[\s,;]+/)
      .map((a) => a.trim())
      .filter(Boolean);
    const missing: Partial<Record<ItemField, string>> = {};
    if (values.topic.trim().length < 3) missing.topic = t("meetings.form.tooShort");
    if (!values.raisedByOrganisationId && !values.raisedBy.trim())
      missing.raisedBy = t("meetings.form.raisedByNeeded");
    if (areaCodes.some((a) => !AREA.test(a))) missing.areaCodes = t("meetings.form.areaCode");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      await createInputItem(
        meetingId,
        {
          raisedByOrganisationId: values.raisedByOrganisationId || null,
          raisedBy: values.raisedBy.trim(),
          topic: values.topic.trim(),
          description: values.description,
          priority: values.priority as Priority,
          areaCodes,
        },
        csrfToken,
      );
      onSaved();
    } catch (error) {
      const fields = invalidFields(error)
        .map((f) => f.replace(/\.\d+$/, ""))
        .filter((f): f is ItemField => f in values);
      setErrors(Object.fromEntries(fields.map((f) => [f, t("meetings.form.invalid")])));
      setFormError(t(errorKey(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={t("meetings.item.newTitle")} onClose={onClose} wide testId="input-item-form">
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert message={formError} testId="input-item-error" />
        <TextField
          id="i-topic"
          label={t("meetings.item.topic")}
          value={values.topic}
          onValue={set("topic")}
          error={errors.topic}
          testId="item-topic"
          data-autofocus
          required
        />
        <TextAreaField
          id="i-desc"
          label={t("meetings.item.description")}
          value={values.description}
          onValue={set("description")}
        />
        <div className="meetings-form-grid">
          <SelectField
            id="i-org"
            label={t("meetings.item.raisedByOrganisation")}
            value={values.raisedByOrganisationId}
            onValue={set("raisedByOrganisationId")}
            testId="item-org"
          >
            <option value="">{t("meetings.form.none")}</option>
            {organisations.status === "success"
              ? organisations.data.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))
              : null}
          </SelectField>
          <TextField
            id="i-raised"
            label={t("meetings.item.raisedBy")}
            hint={t("meetings.item.raisedByHint")}
            value={values.raisedBy}
            onValue={set("raisedBy")}
            error={errors.raisedBy}
            testId="item-raised-by"
          />
          <SelectField
            id="i-priority"
            label={t("meetings.item.priority")}
            value={values.priority}
            onValue={set("priority")}
            testId="item-priority"
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`meetings.priority.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="i-areas"
            label={t("meetings.item.areas")}
            hint={t("meetings.item.areasHint")}
            value={values.areaCodes}
            onValue={set("areaCodes")}
            error={errors.areaCodes}
            testId="item-areas"
          />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            aria-busy={saving}
            disabled={saving}
            data-testid="item-save"
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

type ActionField = "title" | "description" | "ownerOrganisationId" | "dueOn";

/** Turn an input item into a follow-up action with an owner and a due date. */
export function FollowUpForm({
  item,
  onClose,
  onSaved,
}: {
  item: InputItem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken, user } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const organisations = useAsyncData("meeting-organisations", fetchOrganisationChoices);
  const [values, setValues] = useState<Record<ActionField, string>>({
    title: "",
    description: "",
    ownerOrganisationId: "",
    dueOn: "",
  });
  const [assignToMe, setAssignToMe] = useState(false);
  const [errors, setErrors, clear] = useFieldErrors<ActionField>();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: ActionField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };
  const mine = Boolean(user && values.ownerOrganisationId === user.organisationId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<ActionField, string>> = {};
    if (values.title.trim().length < 3) missing.title = t("meetings.form.tooShort");
    if (!values.ownerOrganisationId) missing.ownerOrganisationId = t("meetings.form.required");
    if (!values.dueOn) missing.dueOn = t("meetings.form.required");
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstInvalid(formRef.current);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      await createFollowUp(
        item.id,
        {
          title: values.title.trim(),
          description: values.description,
          ownerOrganisationId: values.ownerOrganisationId,
          assigneeUserId: mine && assignToMe && user ? user.id : null,
          dueOn: values.dueOn,
        },
        csrfToken,
      );
      onSaved();
    } catch (error) {
      const fields = invalidFields(error).filter((f): f is ActionField => f in values);
      setErrors(Object.fromEntries(fields.map((f) => [f, t("meetings.form.invalid")])));
      setFormError(t(errorKey(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal title={t("meetings.followUp.newTitle")} onClose={onClose} wide testId="follow-up-form">
      <form ref={formRef} onSubmit={submit} noValidate>
        <p className="muted">{t("meetings.followUp.fromItem", { topic: item.topic })}</p>
        <FormAlert message={formError} testId="follow-up-error" />
        <TextField
          id="f-title"
          label={t("meetings.followUp.title")}
          value={values.title}
          onValue={set("title")}
          error={errors.title}
          testId="follow-up-title"
          data-autofocus
          required
        />
        <TextAreaField
          id="f-desc"
          label={t("meetings.item.description")}
          value={values.description}
          onValue={set("description")}
        />
        <div className="meetings-form-grid">
          <SelectField
            id="f-owner"
            label={t("meetings.followUp.owner")}
            value={values.ownerOrganisationId}
            onValue={set("ownerOrganisationId")}
            error={errors.ownerOrganisationId}
            testId="follow-up-owner"
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
          <TextField
            id="f-due"
            label={t("meetings.followUp.due")}
            type="date"
            value={values.dueOn}
            onValue={set("dueOn")}
            error={errors.dueOn}
            testId="follow-up-due"
            required
          />
        </div>
        {mine ? (
          <label className="meetings-attendee">
            <input
              type="checkbox"
              checked={assignToMe}
              onChange={(e) => setAssignToMe(e.target.checked)}
            />{" "}
            {t("meetings.followUp.assignToMe")}
          </label>
        ) : null}
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            aria-busy={saving}
            disabled={saving}
            data-testid="follow-up-save"
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
