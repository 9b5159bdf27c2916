import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { SelectField, TextField } from "../../components/FormFields";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { errorKey } from "../../lib/http";
import { ListStatus } from "../admin/ListStatus";
import { useSession } from "../auth/session";
import { ProgrammesSubNav } from "./ProgrammesSubNav";
import {
  createActivityType,
  fetchActivityTypes,
  RESULT_KINDS,
  type ResultKind,
  updateActivityType,
} from "./programmes.api";
import "../admin/admin.css";
import "./programmes.css";

/** `/program/jenis-kegiatan`: the editable catalogue of activity types. */
export function ActivityTypesPage() {
  const { t } = useTranslation();
  const { can, csrfToken } = useSession();
  const types = useAsyncData("activity-types-all", (s) => fetchActivityTypes(true, s));
  const editable = can("activity_type", "update");
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [kind, setKind] = useState<ResultKind>("none");
  const [error, setError] = useState<unknown>(null);
  const [codeError, setCodeError] = useState("");
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState("");
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(code)) {
      setCodeError(t("programmes.errors.code"));
      return;
    }
    setCodeError("");
    setBusy(true);
    setError(null);
    try {
      await createActivityType(csrfToken, { code, name, nameEn, resultKind: kind, sort: 100 });
      setCode("");
      setName("");
      setNameEn("");
      setSaved(t("programmes.saved"));
      types.retry();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageLayout title={t("programmes.typesTitle")}>
      <ProgrammesSubNav />
      <p className="page__intro muted">{t("programmes.typesIntro")}</p>
      <p className="saved-note" role="status" aria-live="polite">
        {saved}
      </p>
      <ListStatus
        state={types}
        empty={types.status === "success" && types.data.items.length === 0}
        onRetry={types.retry}
      />
      {types.status === "success" ? (
        <div className="table-wrap">
          <table className="table" data-testid="type-table">
            <thead>
              <tr>
                <th scope="col">{t("programmes.fields.code")}</th>
                <th scope="col">{t("programmes.fields.typeName")}</th>
                <th scope="col">{t("programmes.fields.typeNameEn")}</th>
                <th scope="col">{t("programmes.fields.resultKind")}</th>
                <th scope="col">{t("programmes.fields.active")}</th>
              </tr>
            </thead>
            <tbody>
              {types.data.items.map((x) => (
                <tr key={x.code} data-testid="type-row" data-code={x.code}>
                  <td className="mono">{x.code}</td>
                  <td>{x.name}</td>
                  <td>{x.nameEn}</td>
                  <td>{t(`programmes.resultKind.${x.resultKind}`)}</td>
                  <td>
                    {editable ? (
                      <label>
                        <input
                          type="checkbox"
                          checked={x.active}
                          onChange={async () => {
                            try {
                              await updateActivityType(csrfToken, x.code, { active: !x.active });
                              types.retry();
                            } catch (caught) {
                              setError(caught);
                            }
                          }}
                        />{" "}
                        {x.active ? t("programmes.activeYes") : t("programmes.activeNo")}
                      </label>
                    ) : x.active ? (
                      t("programmes.activeYes")
                    ) : (
                      t("programmes.activeNo")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editable ? (
        <form onSubmit={add} noValidate className="prog-section" data-testid="type-form">
          <h2 className="h3">{t("programmes.addType")}</h2>
          <FormAlert message={error ? t(errorKey(error)) : null} />
          <div className="form-grid">
            <TextField
              id="type-code"
              label={t("programmes.fields.code")}
              value={code}
              onValue={setCode}
              error={codeError}
              hint={t("programmes.hints.code")}
            />
            <TextField
              id="type-name"
              label={t("programmes.fields.typeName")}
              value={name}
              onValue={setName}
            />
            <TextField
              id="type-name-en"
              label={t("programmes.fields.typeNameEn")}
              value={nameEn}
              onValue={setNameEn}
            />
            <SelectField
              id="type-kind"
              label={t("programmes.fields.resultKind")}
              value={kind}
              onValue={(v) => setKind(v as ResultKind)}
            >
              {RESULT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`programmes.resultKind.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t("form.saving") : t("programmes.addType")}
            </button>
          </div>
        </form>
      ) : null}
    </PageLayout>
  );
}
