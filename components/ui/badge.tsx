import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

const badgeVariants = cva("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-zinc-800 text-zinc-300 ring-zinc-700",
      info: "bg-sky-950 text-sky-300 ring-sky-800",
      success: "bg-emerald-950 text-emerald-300 ring-emerald-800",
      warning: "bg-amber-950 text-amber-300 ring-amber-800",
      danger: "bg-red-950 text-red-300 ring-red-800",
      sim: "bg-fuchsia-950 text-fuchsia-300 ring-fuchsia-800",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export type BadgeProps = React.HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>;

export function Badge({ className, tone, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
