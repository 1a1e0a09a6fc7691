import { useMessages } from '../i18n/define-messages.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { plural } from '../i18n/plural.ts';
import { useMapController } from '../map/map-context.tsx';
import { useEditorContext, useLabel } from './editor-context.tsx';
import { PLAN_MESSAGES } from './plan-messages.ts';
import type { IssueFix, SegmentIssue } from './validation/segment-issue.ts';

/** Around an issue's place, the map shows about this much (degrees, some 40 m). */
const ZOOM_MARGIN_DEGREES = 0.0004;

/**
 * The issues of the unsaved changes (or of one segment): errors first, each with a way to see it on the map
 * and, when there is an obvious one, its fix.
 */
export function IssuesPanel({ issues, headingId, showsSegment = true }: { issues: readonly SegmentIssue[]; headingId: string; showsSegment?: boolean }) {
  const { editor } = useEditorContext();
  const controller = useMapController();
  const messages = useMessages(PLAN_MESSAGES);
  const { language } = useI18n();
  const label = useLabel();
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const zoomTo = (found: SegmentIssue) => {
    editor.openKey(found.key);
    if (found.place) {
      const [lon = 0, lat = 0] = found.place;
      controller.fitBounds([lon - ZOOM_MARGIN_DEGREES, lat - ZOOM_MARGIN_DEGREES, lon + ZOOM_MARGIN_DEGREES, lat + ZOOM_MARGIN_DEGREES]);
    }
  };
  return (
    <section className="issues-panel" aria-labelledby={headingId} data-count={issues.length}>
      <h3 id={headingId} className="panel-heading">
        {messages.issuesHeading}
        {issues.length > 0 && <span className="issues-panel__count"> ({plural(language, issues.length, messages.issueCount)})</span>}
      </h3>
      {issues.length === 0 ? (
        <p className="issues-panel__none">{messages.issuesNone}</p>
      ) : (
        <>
          {issues.some((found) => found.severity === 'error') && <p className="issues-panel__rule">{messages.errorsBlock}</p>}
          <ul className="issues-panel__list">
            {sorted.map((found) => (
              <li key={`${found.key} ${found.code} ${found.pointer} ${found.message.en}`} className={`issues-panel__issue issues-panel__issue--${found.severity}`} data-code={found.code} data-severity={found.severity}>
                <span className="issues-panel__message">
                  {showsSegment && <strong>{found.key.startsWith('new-') ? messages.newSegment : messages.segmentTitle(Number(found.key.split('/').at(-1)))} · </strong>}
                  {label(found.message)}
                </span>
                <span className="issues-panel__actions">
                  <button type="button" className="link-button" onClick={() => zoomTo(found)}>
                    {messages.zoomTo}
                  </button>
                  {found.fix && (
                    <button type="button" className="button button--small" data-fix={found.fix.kind} onClick={() => editor.applyFix(found as SegmentIssue & { fix: IssueFix })}>
                      {messages.fixes[found.fix.kind]}
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
