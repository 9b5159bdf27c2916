import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format";
import { BandBadge } from "./AssistQuestionnaire";
import { useRehabLabels } from "./labels";
import type { Episode } from "./rehab.api";

interface TimelineEntry {
  key: string;
  date: string;
  kind:
    | "intake"
    | "screening"
    | "start"
    | "visit"
    | "discharge"
    | "aftercare"
    | "followUp"
    | "closed";
  order: number;
  relapse?: boolean;
  content: ReactNode;
}

/** One episode's events in date order: intake, screenings, care, visits, discharge, aftercare. */
export function EpisodeTimeline({ episode }: { episode: Episode }) {
  const { t } = useTranslation();
  const labels = useRehabLabels();
  const format = useFormat();
  const entries: TimelineEntry[] = [];
  entries.push({
    key: "intake",
    date: episode.intakeDate,
    kind: "intake",
    order: 0,
    content: (
      <>
        <span className="timeline__what">{t("rehab.timeline.intake")}</span>{" "}
        {labels.entryRoute(episode.entryRoute)}
        {episode.tatRecommendation ? ` · ${labels.tat(episode.tatRecommendation)}` : null}
      </>
    ),
  });
  for (const screening of episode.screenings) {
    const used = screening.scores.filter((s) => s.everUsed);
    entries.push({
      key: `s-${screening.id}`,
      date: screening.screenedOn,
      kind: "screening",
      order: 1,
      content: (
        <>
          <span className="timeline__what">{t("rehab.timeline.screening")}</span>{" "}
          <BandBadge band={screening.highestBand} testId="timeline-highest-band" />
          {used.length > 0 ? (
            <ul className="plain-list timeline__scores" data-testid="timeline-scores">
              {used.map((s) => (
                <li key={s.substance} data-substance={s.substance} data-score={s.score}>
                  {t(`rehab.substance.${s.substance}`)}: {s.score} <BandBadge band={s.band} />
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted"> {t("rehab.assist.noneUsed")}</span>
          )}
        </>
      ),
    });
  }
  if (episode.startDate) {
    entries.push({
      key: "start",
      date: episode.startDate,
      kind: "start",
      order: 2,
      content: (
        <>
          <span className="timeline__what">{t("rehab.timeline.start")}</span>{" "}
          {labels.service(episode.serviceType)}
        </>
      ),
    });
  }
  for (const visit of episode.visits) {
    entries.push({
      key: `v-${visit.id}`,
      date: visit.date,
      kind: "visit",
      order: 3,
      content: (
        <>
          <span className="timeline__what">{labels.visitKind(visit.kind)}</span>
          {visit.urineResult
            ? ` · ${t("rehab.visit.urine")}: ${labels.urine(visit.urineResult)}`
            : null}
          {visit.note ? <span className="table__sub muted">{visit.note}</span> : null}
        </>
      ),
    });
  }
  if (episode.dischargeDate) {
    entries.push({
      key: "discharge",
      date: episode.dischargeDate,
      kind: "discharge",
      order: 4,
      content: (
        <>
          <span className="timeline__what">{t("rehab.timeline.discharge")}</span>{" "}
          <span data-testid="timeline-outcome">{labels.outcome(episode.dischargeOutcome)}</span>
          {episode.dischargeNote ? (
            <span className="table__sub muted">{episode.dischargeNote}</span>
          ) : null}
        </>
      ),
    });
  }
  if (episode.aftercareStart) {
    entries.push({
      key: "aftercare",
      date: episode.aftercareStart,
      kind: "aftercare",
      order: 5,
      content: <span className="timeline__what">{t("rehab.timeline.aftercare")}</span>,
    });
  }
  for (const f of episode.followUps) {
    entries.push({
      key: `f-${f.id}`,
      date: f.date,
      kind: "followUp",
      order: 6,
      relapse: f.relapseStatus === "relapsed",
      content: (
        <>
          <span className="timeline__what">{t("rehab.timeline.followUp")}</span>{" "}
          {labels.relapse(f.relapseStatus)}
          {f.note ? <span className="table__sub muted">{f.note}</span> : null}
        </>
      ),
    });
  }
  if (episode.closedDate) {
    entries.push({
      key: "closed",
      date: episode.closedDate,
      kind: "closed",
      order: 7,
      content: (
        <>
          <span className="timeline__what">{t("rehab.timeline.closed")}</span>
          {episode.closeNote ? <span className="table__sub muted">{episode.closeNote}</span> : null}
        </>
      ),
    });
  }
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  return (
    <ol className="timeline" data-testid="episode-timeline">
      {entries.map((entry) => (
        <li
          key={entry.key}
          className={`timeline__item timeline__item--${entry.kind}${entry.relapse ? " timeline__item--relapse" : ""}`}
          data-testid="timeline-entry"
          data-kind={entry.kind}
        >
          <time className="timeline__when" dateTime={entry.date}>
            {format.date(entry.date)}
          </time>
          {entry.content}
        </li>
      ))}
    </ol>
  );
}
