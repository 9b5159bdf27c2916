import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { PageLayout } from "./PageLayout";

/** Shown while the code of a page is fetched. */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t("page.loadingTitle")} narrow>
      <p className="list-status" role="status">
        <span className="spinner" aria-hidden="true" />
        {t("page.loadingPage")}
      </p>
    </PageLayout>
  );
}

/** A page whose code is loaded when it is first opened (its own chunk); render it in {@link PageSuspense}. */
export function lazyPage(load: () => Promise<ComponentType>) {
  return lazy(async () => ({ default: await load() }));
}

/** Shows a loading page while the code of a lazy page arrives, so the public map stays light. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
