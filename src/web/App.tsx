import { RouterProvider } from "react-router";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { SessionProvider } from "./features/auth/session";
import { router } from "./router";

/** The application root: the session (loaded in the background) around the routes. */
export function App() {
  return (
    <ErrorBoundary>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ErrorBoundary>
  );
}
