import { useTranslation } from "react-i18next";
import {
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  passwordProblems,
} from "../../../domain/access/passwords";
import { TextField } from "../../components/FormFields";

const PROBLEMS: readonly PasswordProblem[] = [
  "too_short",
  "too_long",
  "contains_email",
  "too_simple",
];

/** Translated texts for the problems of a PASSWORD_TOO_WEAK answer, in one sentence list. */
export function usePasswordProblemText(): (problems: string[]) => string {
  const { t } = useTranslation();
  return (problems) =>
    problems
      .map((problem) =>
        (PROBLEMS as readonly string[]).includes(problem)
          ? t(`password.problems.${problem as PasswordProblem}`, { min: PASSWORD_MIN_LENGTH })
          : t("form.invalid"),
      )
      .join(" ");
}

/** The password rules, each marked as met (✓ and text) while the person types. */
function PasswordRules({ id, password, email }: { id: string; password: string; email?: string }) {
  const { t } = useTranslation();
  const problems = passwordProblems(password, email);
  const rules: { problem: PasswordProblem; text: string; checkable: boolean }[] = [
    {
      problem: "too_short",
      text: t("password.ruleLength", { min: PASSWORD_MIN_LENGTH }),
      checkable: true,
    },
    { problem: "contains_email", text: t("password.ruleEmail"), checkable: Boolean(email) },
    { problem: "too_simple", text: t("password.ruleDistinct"), checkable: true },
  ];
  return (
    <div id={id} className="rules" data-testid="password-rules">
      <p className="rules__title">{t("password.rulesTitle")}</p>
      <ul className="rules__list">
        {rules.map((rule) => {
          const met = password !== "" && rule.checkable && !problems.includes(rule.problem);
          return (
            <li key={rule.problem} className={met ? "rule rule--met" : "rule"}>
              <span className="rule__mark" aria-hidden="true">
                {met ? "✓" : "•"}
              </span>
              {rule.text}
              {met ? <span className="visually-hidden"> ({t("password.met")})</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface NewPasswordFieldsProps {
  idPrefix: string;
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  errors: { password?: string | null; repeat?: string | null };
  visible: boolean;
  /** The person's e-mail when known, to check the "no e-mail name" rule as they type. */
  email?: string;
  testIds: { password: string; repeat: string };
}

/** "New password" and "repeat" with the rules shown (and checked) under the first. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const type = props.visible ? "text" : "password";
  return (
    <>
      <TextField
        id={`${props.idPrefix}-new`}
        label={t("password.new")}
        type={type}
        autoComplete="new-password"
        testId={props.testIds.password}
        value={props.password}
        onValue={props.onPassword}
        error={props.errors.password}
        hint={
          <PasswordRules
            id={`${props.idPrefix}-rules`}
            password={props.password}
            email={props.email}
          />
        }
      />
      <TextField
        id={`${props.idPrefix}-repeat`}
        label={t("password.repeat")}
        type={type}
        autoComplete="new-password"
        testId={props.testIds.repeat}
        value={props.repeat}
        onValue={props.onRepeat}
        error={props.errors.repeat}
      />
    </>
  );
}

/** Client-side checks before sending a new password: filled in and typed the same twice. */
export function checkNewPassword(
  password: string,
  repeat: string,
  t: (key: "form.required" | "password.mismatch") => string,
): { password?: string; repeat?: string } {
  if (!password) return { password: t("form.required") };
  if (password !== repeat) return { repeat: t("password.mismatch") };
  return {};
}
