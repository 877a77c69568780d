import { useFormatter, useTranslations } from "next-intl";

/**
 * A line over time in plain SVG: y from `min` to `max` (found when not given), x from the first to the last
 * timestamp, labelled with both ends. An hour at 1 s is 3600 points in one path: cheap to redraw each second.
 */
export function TimeChart({
  t,
  values,
  min = 0,
  max,
  unit,
  title,
  className = "stroke-sky-400",
  height = 96,
}: {
  t: number[];
  values: (number | null)[];
  min?: number;
  max?: number;
  unit: string;
  title: string;
  className?: string;
  height?: number;
}) {
  const tr = useTranslations("gpus.chart");
  const format = useFormatter();
  const width = 600;
  const numbers = values.filter((v): v is number => v !== null);
  const top = max ?? niceCeiling(Math.max(min + 1, ...numbers) * 1.05);
  const first = t[0] ?? 0;
  const span = Math.max(1, (t[t.length - 1] ?? first) - first);
  let d = "";
  let pen = false;
  values.forEach((value, i) => {
    if (value === null) return void (pen = false);
    const x = ((t[i]! - first) / span) * width;
    const y = height - ((Math.min(top, Math.max(min, value)) - min) / (top - min || 1)) * height;
    d += `${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  const latest = numbers[numbers.length - 1];
  const time = (ms: number) => format.dateTime(new Date(ms), { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (
    <figure className="space-y-1" data-testid="time-chart" data-title={title} data-points={values.length}>
      <figcaption className="flex justify-between text-xs text-zinc-400">
        <span>{title}</span>
        <span className="font-mono text-zinc-200">{latest === undefined ? "–" : `${formatNumber(latest)} ${unit}`}</span>
      </figcaption>
      <div className="flex gap-1">
        <div className="flex w-10 flex-col justify-between text-right font-mono text-[10px] text-zinc-500">
          <span>{formatNumber(top)}</span>
          <span>{formatNumber(min)}</span>
        </div>
        <svg role="img" aria-label={tr("overTime", { title })} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-24 min-w-0 flex-1 rounded bg-zinc-950/60">
          <line x1={0} x2={width} y1={height / 2} y2={height / 2} className="stroke-zinc-800" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
          <path d={d} fill="none" strokeWidth={1.5} className={className} vectorEffect="non-scaling-stroke" />
        </svg>
      </div>
      <div className="ml-11 flex justify-between font-mono text-[10px] text-zinc-500">
        <span>{t.length ? time(first) : ""}</span>
        <span>{t.length ? time(first + span) : ""}</span>
      </div>
    </figure>
  );
}

/** The smallest of 1, 2, 5 × 10^k at or above `value`: axis tops people can read. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((nice) => nice >= value) ?? value;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toString();
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2).replace(/\.?0+$/, "") || "0";
}
