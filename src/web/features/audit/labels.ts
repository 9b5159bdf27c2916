import { useTranslation } from "react-i18next";
import { KNOWN_ACTIONS, KNOWN_RESOURCES } from "./audit.api";

type KnownAction = (typeof KNOWN_ACTIONS)[number];
type KnownResource = (typeof KNOWN_RESOURCES)[number];

/** Translated names for audit actions and resources; unknown codes are shown as they are. */
export function useAuditLabels(): {
  action: (code: string) => string;
  resource: (code: string) => string;
} {
  const { t } = useTranslation();
  return {
    action: (code) =>
      (KNOWN_ACTIONS as readonly string[]).includes(code)
        ? t(`auditActions.${(code as KnownAction).replace(".", "__") as ActionKey}`)
        : code,
    resource: (code) =>
      (KNOWN_RESOURCES as readonly string[]).includes(code)
        ? t(`auditResources.${code as KnownResource}`)
        : code,
  };
}

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}__${B}` : S;
type ActionKey = Underscored<KnownAction>;
