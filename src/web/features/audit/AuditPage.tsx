import { useTranslation } from "react-i18next";
import { ExportButtons } from "../../components/ExportButtons";
import { PageLayout } from "../../components/PageLayout";
import { queryString } from "../../lib/http";
import { ListStatus } from "../admin/ListStatus";
import { PAGE_SIZE, useListParams, usePagedList } from "../admin/list";
import { Pagination } from "../admin/Pagination";
import { useSession } from "../auth/session";
import { AUDIT_FILTERS, AuditFilters } from "./AuditFilters";
import { AuditTable } from "./AuditTable";
import type { AuditEvent } from "./audit.api";
import { VerifyChain } from "./VerifyChain";
import "../admin/admin.css";

/** `/admin/audit`: the audit log, newest first, with filters and the chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { values, page, update } = useListParams(AUDIT_FILTERS);
  const path = `/api/audit-events${queryString({ ...values, page, pageSize: PAGE_SIZE })}`;
  const list = usePagedList<AuditEvent>(path);

  return (
    <PageLayout
      title={t("audit.title")}
      actions={
        <>
          <ExportButtons
            path="/api/audit-events/export"
            params={values}
            subject={t("audit.title")}
            testId="audit-export"
          />
          {can("audit_event", "verify") ? <VerifyChain onChecked={list.retry} /> : null}
        </>
      }
    >
      <p className="muted page__intro">{t("audit.intro")}</p>
      <AuditFilters values={values} onApply={(next) => update(next)} />
      <ListStatus state={list.state} empty={list.data?.items.length === 0} onRetry={list.retry} />
      {list.data && list.data.items.length > 0 ? (
        <>
          <AuditTable events={list.data.items} loading={list.state.status === "loading"} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      ) : null}
    </PageLayout>
  );
}
