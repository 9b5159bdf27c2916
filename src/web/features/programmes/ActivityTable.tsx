import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useSession } from "../auth/session";
import { type Activity, deletePhoto, photoUrl } from "./programmes.api";

interface Props {
  items: Activity[];
  showProgramme?: boolean;
  onEdit: (activity: Activity) => void;
  onChanged: () => void;
}

/** Activities with place, participants, results and photos; edit and photo removal in place. */
export function ActivityTable({ items, showProgramme = false, onEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const [removing, setRemoving] = useState<{ activity: Activity; photoId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const results = (a: Activity) =>
    a.resultKind === "urine_test"
      ? t("programmes.resultUrine", { tested: a.urineTested ?? 0, positive: a.urinePositive ?? 0 })
      : a.resultKind === "outreach"
        ? t("programmes.resultOutreach", { reached: a.reached ?? 0, referred: a.referred ?? 0 })
        : "—";
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="activity-table">
          <caption className="visually-hidden">{t("programmes.activities")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programmes.fields.heldOn")}</th>
              <th scope="col">{t("programmes.fields.type")}</th>
              {showProgramme ? <th scope="col">{t("programmes.fields.programme")}</th> : null}
              <th scope="col">{t("programmes.fields.place")}</th>
              <th scope="col">{t("programmes.fields.participants")}</th>
              <th scope="col">{t("programmes.fields.results")}</th>
              <th scope="col">{t("programmes.fields.photos")}</th>
              <th scope="col">{t("table.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="activity-row" data-id={a.id} data-area={a.areaCode}>
                <td className="table__nowrap">{a.heldOn}</td>
                <td>
                  {a.typeName}
                  <span className="table__sub muted">
                    {a.organisations.map((o) => o.name).join(", ")}
                  </span>
                </td>
                {showProgramme ? <td>{a.programmeName}</td> : null}
                <td>
                  {a.areaName ?? a.areaCode}
                  {a.namedLocationName ? (
                    <span className="table__sub muted">{a.namedLocationName}</span>
                  ) : null}
                </td>
                <td className="table__nowrap">
                  {t("programmes.participantsSummary", {
                    total: a.participantsTotal,
                    male: a.participantsMale,
                    female: a.participantsFemale,
                  })}
                </td>
                <td>{results(a)}</td>
                <td>
                  {a.photos.length > 0 ? (
                    <ul className="photo-list">
                      {a.photos.map((p, k) => (
                        <li key={p.id}>
                          <a href={photoUrl(a.id, p.id)} target="_blank" rel="noreferrer">
                            <img
                              src={photoUrl(a.id, p.id)}
                              alt={t("programmes.photoAlt", {
                                n: k + 1,
                                type: a.typeName,
                                date: a.heldOn,
                              })}
                              loading="lazy"
                            />
                          </a>
                          {a.actions.includes("update") ? (
                            <button
                              type="button"
                              className="button button--quiet button--small"
                              onClick={() => setRemoving({ activity: a, photoId: p.id })}
                            >
                              {t("programmes.removePhoto")}
                            </button>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="table__actions">
                  {a.actions.includes("update") ? (
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      data-testid="activity-edit"
                      onClick={() => onEdit(a)}
                    >
                      {t("form.edit")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {removing ? (
        <ConfirmDialog
          title={t("programmes.removePhotoTitle")}
          confirmLabel={t("programmes.removePhoto")}
          busy={busy}
          error={error}
          onCancel={() => {
            setRemoving(null);
            setError(null);
          }}
          onConfirm={async () => {
            setBusy(true);
            try {
              await deletePhoto(csrfToken, removing.activity.id, removing.photoId);
              setRemoving(null);
              onChanged();
            } catch (caught) {
              setError(caught);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>{t("programmes.removePhotoText")}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
