/** A tiny SVG line of the last points; gaps (null) break the line. Scaled to [min, max] given or found. */
export function Sparkline({
  values,
  min = 0,
  max,
  width = 240,
  height = 28,
  className = "stroke-sky-400",
  label,
}: {
  values: (number | null)[];
  min?: number;
  max?: number;
  width?: number;
  height?: number;
  className?: string;
  label: string;
}) {
  const top = max ?? Math.max(min + 1, ...values.filter((v): v is number => v !== null));
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const segments: string[] = [];
  let current = "";
  values.forEach((value, i) => {
    if (value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    const y = height - 1 - ((Math.min(top, Math.max(min, value)) - min) / (top - min || 1)) * (height - 2);
    current += `${current ? "L" : "M"}${(i * step).toFixed(1)},${y.toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-7 w-full overflow-visible" data-points={values.length}>
      <path d={segments.join("")} fill="none" strokeWidth={1.5} className={className} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
