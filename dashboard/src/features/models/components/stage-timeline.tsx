import { useEffect, useId, useRef, useState } from "react";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { TimelineLegend } from "@/features/models/components/timeline-legend";
import { TimelineMarkGlyph } from "@/features/models/components/timeline-mark-glyph";
import type { StageTransition } from "@/features/models/lib/model-types";
import { STAGE_STYLES } from "@/features/models/lib/stage-styles";
import {
  buildStageTimeline,
  orderTransitions,
  type StageBar,
  TIMELINE_STAGES,
  type StageTimeline as Timeline,
  type TimelineMark,
  type TimelineSpacing,
  timelineTicks,
  timeToX,
} from "@/features/models/lib/stage-timeline";
import { describeTransition } from "@/features/models/lib/transition-words";
import { formatDateTime } from "@/lib/format";
import "@/features/models/components/models.css";

export interface StageTimelineProps {
  transitions: StageTransition[];
  spacing: TimelineSpacing;
  onSpacingChange: (spacing: TimelineSpacing) => void;
  onOpenVersion: (versionNumber: number) => void;
}

const GUTTER = 92;
const ROW = 40;
const AXIS = 26;
const BAR = 24;

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(entry.contentRect.width, 300));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function rowY(stage: (typeof TIMELINE_STAGES)[number]) {
  return TIMELINE_STAGES.indexOf(stage) * ROW;
}

interface DrawProps {
  timeline: Timeline;
  track: number;
}

function Bar({ bar, timeline, track, onOpen }: DrawProps & { bar: StageBar; onOpen: () => void }) {
  const style = STAGE_STYLES[bar.stage];
  const x = GUTTER + timeToX(bar.start, timeline, track);
  const width = Math.max(
    timeToX(bar.end, timeline, track) - timeToX(bar.start, timeline, track),
    3,
  );
  const label = `v${bar.versionNumber} in ${bar.stage}${bar.isCurrent ? " now" : ""}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>.
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      onClick={onOpen}
      style={{ cursor: "pointer" }}
      onKeyDown={(event) => {
        if (event.key === "Enter") onOpen();
      }}
    >
      <title>{label}</title>
      <rect
        x={x}
        y={rowY(bar.stage) + (ROW - BAR) / 2}
        width={width}
        height={BAR}
        rx={4}
        fill={style.background}
        stroke={style.colour}
      />
      {width > String(bar.versionNumber).length * 7 + 18 ? (
        <text className="bar-label" x={x + 6} y={rowY(bar.stage) + ROW / 2 + 4} fill={style.colour}>
          v{bar.versionNumber}
        </text>
      ) : null}
    </g>
  );
}

function Mark({ mark, timeline, track }: DrawProps & { mark: TimelineMark }) {
  const x = GUTTER + timeToX(mark.at, timeline, track);
  const y = rowY(mark.stage) + ROW - 5;
  const label = `${describeTransition(mark.transition)}, ${formatDateTime(mark.transition.created)}`;
  return (
    <g aria-label={label} className="mark">
      <title>{label}</title>
      <TimelineMarkGlyph outcome={mark.transition.outcome} stage={mark.stage} x={x} y={y} />
    </g>
  );
}

const SPACINGS = [
  { id: "change", label: "By change" },
  { id: "time", label: "By time" },
] as const;

function Ticks({
  timeline,
  track,
  ordered,
  height,
}: DrawProps & { ordered?: StageTransition[]; height: number }) {
  const ticks = timelineTicks(timeline, 5, ordered);
  const labels = ticks.map((tick) => formatDateTime(new Date(tick.time).toISOString()));
  return ticks.map((tick, i) => {
    const x = GUTTER + timeToX(tick.at, timeline, track);
    const anchor = i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle";
    const isRepeat = i > 0 && labels[i] === labels[i - 1];
    return (
      <g key={tick.at}>
        <line className="grid-line" x1={x} x2={x} y1={0} y2={TIMELINE_STAGES.length * ROW} />
        {isRepeat ? null : (
          <text
            className="axis-label"
            x={x}
            y={height - 6}
            textAnchor={ticks.length > 1 ? anchor : "start"}
          >
            {labels[i]}
          </text>
        )}
      </g>
    );
  });
}

/** Which version held production and staging over time, with every attempt marked. */
export function StageTimeline(props: StageTimelineProps) {
  const { transitions, spacing, onSpacingChange, onOpenVersion } = props;
  const { ref, width } = useWidth();
  const ordered = orderTransitions(transitions);
  const timeline = buildStageTimeline(ordered, Date.now(), spacing);
  const track = width - GUTTER - 16;
  const height = TIMELINE_STAGES.length * ROW + AXIS;
  const draw = { timeline, track };
  const titleId = useId();
  return (
    <div className="stage-timeline section" ref={ref}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <TimelineLegend />
        <SegmentedControl
          label="Timeline spacing"
          options={SPACINGS}
          value={spacing}
          onChange={onSpacingChange}
        />
      </div>
      <svg height={height} aria-labelledby={titleId}>
        <title id={titleId}>Stage timeline</title>
        {TIMELINE_STAGES.map((stage) => (
          <text key={stage} className="row-label" x={0} y={rowY(stage) + ROW / 2 + 4}>
            {stage}
          </text>
        ))}
        <Ticks {...draw} ordered={spacing === "change" ? ordered : undefined} height={height} />
        {timeline.bars.map((bar) => (
          <Bar
            key={`${bar.stage}-${bar.start}-${bar.versionNumber}`}
            bar={bar}
            {...draw}
            onOpen={() => onOpenVersion(bar.versionNumber)}
          />
        ))}
        {timeline.marks.map((mark) => (
          <Mark key={mark.transition.id} mark={mark} {...draw} />
        ))}
      </svg>
    </div>
  );
}
