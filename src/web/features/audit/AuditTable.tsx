import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import type { AuditEvent } from "./audit.api";
import { useAuditLabels } from "./labels";

/** Audit events, newest first: when, who, what, on which record, from which request. */
export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const labels = useAuditLabels();
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid="audit-table" aria-busy={loading}>
        <caption id="audit-caption" className="visually-hidden">
          {t("audit.title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.time")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.resource")}</th>
            <th scope="col">{t("audit.recordId")}</th>
            <th scope="col">{t("audit.changedFields")}</th>
            <th scope="col">{t("audit.requestId")}</th>
            <th scope="col">{t("audit.ip")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row" data-id={event.id}>
              <th scope="row" className="table__primary table__nowrap">
                <time dateTime={event.occurredAt}>{dateTime(event.occurredAt)}</time>
                <span className="table__sub muted mono">#{event.id}</span>
              </th>
              <td>
                {event.actorUserId === null && event.actorName === null ? (
                  <span className="muted">{t("audit.system")}</span>
                ) : (
                  <>
                    {event.actorName ?? "—"}
                    {event.actorEmail ? (
                      <span className="table__sub muted">{event.actorEmail}</span>
                    ) : null}
                  </>
                )}
              </td>
              <td>
                {labels.action(event.action)}
                <span className="table__sub muted mono">{event.action}</span>
              </td>
              <td>{labels.resource(event.resource)}</td>
              <td className="mono table__id">{event.recordId ?? "—"}</td>
              <td>{event.changedFields.length > 0 ? event.changedFields.join(", ") : "—"}</td>
              <td className="mono table__id">{event.requestId ?? "—"}</td>
              <td className="mono">{event.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
