import { useTranslation } from "react-i18next";
import { useRoleLabel } from "../admin/labels";
import type { DemoInfo } from "./auth.types";

interface DemoAccountsProps {
  demo: DemoInfo;
  onChoose: (email: string, password: string) => void;
}

/** Demo mode only: the seeded accounts (one per role) and their shared password. */
export function DemoAccounts({ demo, onChoose }: DemoAccountsProps) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  return (
    <section className="demo" data-testid="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title" className="demo__title">
        {t("signIn.demoTitle")}
      </h2>
      <p className="demo__intro">{t("signIn.demoIntro")}</p>
      <p className="demo__password">
        {t("signIn.demoPassword")}{" "}
        <code className="mono" data-testid="demo-password">
          {demo.password}
        </code>
      </p>
      <ul className="demo__list">
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              className="demo__account"
              data-testid="demo-account"
              data-role={account.role}
              aria-label={t("signIn.demoUse", {
                role: roleLabel(account.role),
                email: account.email,
              })}
              onClick={() => onChoose(account.email, demo.password)}
            >
              <strong>{roleLabel(account.role)}</strong>
              <span className="demo__email">{account.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
