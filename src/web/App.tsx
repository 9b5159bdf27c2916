import { ErrorBoundary } from "./components/ErrorBoundary";
import { AreasPage } from "./features/areas/AreasPage";

/** The application root. */
export function App() {
  return (
    <ErrorBoundary>
      <AreasPage />
    </ErrorBoundary>
  );
}
