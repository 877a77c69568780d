import { cva } from "class-variance-authority";
import { cn } from "./cn";

const tabVariants = cva("rounded-md px-3 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-sky-500", {
  variants: {
    selected: { true: "bg-zinc-800 text-zinc-50", false: "text-zinc-400 hover:bg-zinc-900 hover:text-zinc-200" },
    size: { md: "", sm: "px-2 py-1 text-xs" },
  },
  defaultVariants: { selected: false, size: "md" },
});

export interface TabItem<T extends string> {
  value: T;
  label: string;
}

/** A row of tabs; the panels are the caller's (shown or hidden by `value`). */
export function Tabs<T extends string>({
  items,
  value,
  onChange,
  label,
  size,
  className,
}: {
  items: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  size?: "md" | "sm";
  className?: string;
}) {
  return (
    <div role="tablist" aria-label={label} className={cn("flex flex-wrap gap-1", className)}>
      {items.map((item) => (
        <button
          key={item.value}
          type="button"
          role="tab"
          aria-selected={item.value === value}
          className={tabVariants({ selected: item.value === value, size })}
          onClick={() => onChange(item.value)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
