import { useTranslation } from "react-i18next";
import { FormAlert } from "../../components/FormAlert";
import { errorKey, ruleProblemsOf } from "../../lib/http";

/** A failed save: the translated error and, for RULES_INVALID, the server's problems as a list. */
export function ProblemList({ failure }: { failure: unknown }) {
  const { t } = useTranslation();
  const problems = ruleProblemsOf(failure);
  return (
    <FormAlert testId="rules-error" message={failure ? t(errorKey(failure)) : null}>
      {problems.length > 0 ? (
        <>
          <p>{t("rules.problemsIntro")}</p>
          <ul data-testid="rules-problems" lang="en">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : null}
    </FormAlert>
  );
}
