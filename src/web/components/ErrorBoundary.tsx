import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The translated "something went wrong" page with a reload button. */
export function CrashMessage() {
  const { t } = useTranslation();
  return (
    <div className="crash" role="alert">
      <h1>{t("app.crashTitle")}</h1>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("app.crashReload")}
      </button>
    </div>
  );
}

/** Shows a translated message instead of a blank page when rendering throws. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}
