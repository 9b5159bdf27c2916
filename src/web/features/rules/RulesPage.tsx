import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageLayout } from "../../components/PageLayout";
import { useAsyncData } from "../../hooks/useAsyncData";
import { ListStatus } from "../admin/ListStatus";
import { useSession } from "../auth/session";
import { fetchRiskConfig } from "../risk/risk.api";
import { CatalogueSection } from "./CatalogueSection";
import { RuleSetSection } from "./RuleSetSection";
import "../admin/admin.css";
import "../risk/risk.css";
import "../risk/risk-pages.css";
import "./rules.css";

/** `/admin/aturan`: the indicator catalogue and the classification rules, each versioned. */
export function RulesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [reload, setReload] = useState(0);
  const config = useAsyncData(`config|${reload}`, fetchRiskConfig);
  const [saved, setSaved] = useState<{ kind: "catalogue" | "rules"; version: number } | null>(null);
  const data = config.status === "success" ? config.data : null;
  const editable = can("risk_config", "update");
  const onSaved = (kind: "catalogue" | "rules", version: number): void => {
    setSaved({ kind, version });
    setReload((n) => n + 1);
  };

  return (
    <PageLayout title={t("rules.title")}>
      <p className="page__intro muted">{t("rules.intro")}</p>
      <p className="saved-note" role="status" aria-live="polite" data-testid="rules-saved">
        {saved
          ? t(saved.kind === "catalogue" ? "rules.savedCatalogue" : "rules.savedRules", {
              version: saved.version,
            })
          : null}
      </p>
      <ListStatus state={config} empty={false} onRetry={config.retry} />
      {data ? (
        <>
          <CatalogueSection
            catalogue={data.catalogue}
            editable={editable}
            onSaved={(version) => onSaved("catalogue", version)}
          />
          {data.rules.map((entry) => (
            <RuleSetSection
              key={entry.method}
              entry={entry}
              editable={editable}
              onSaved={(version) => onSaved("rules", version)}
            />
          ))}
        </>
      ) : null}
    </PageLayout>
  );
}
