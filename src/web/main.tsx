// Base styles first, so feature and map styles imported by components can refine them.
import "./styles.css";
import "./components/layout.css";
import "./components/forms.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { initI18n } from "./i18n";

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("The page has no #root element");
const root = createRoot(rootElement);

void initI18n().then(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
