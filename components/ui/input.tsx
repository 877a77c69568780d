import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "./cn";

const controlVariants = cva(
  "w-full rounded-md border bg-zinc-950 px-2.5 text-sm text-zinc-100 placeholder:text-zinc-600 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500 disabled:opacity-50",
  {
    variants: {
      state: {
        normal: "border-zinc-700",
        warning: "border-amber-600",
        error: "border-red-600",
      },
      mono: { true: "font-mono", false: "" },
    },
    defaultVariants: { state: "normal", mono: false },
  },
);

type ControlVariants = VariantProps<typeof controlVariants>;

export function Input({ className, state, mono, ...props }: React.InputHTMLAttributes<HTMLInputElement> & ControlVariants) {
  return <input className={cn(controlVariants({ state, mono }), "h-8", className)} {...props} />;
}

export function Select({ className, state, mono, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & ControlVariants) {
  return <select className={cn(controlVariants({ state, mono }), "h-8", className)} {...props} />;
}

export function Textarea({ className, state, mono, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & ControlVariants) {
  return <textarea className={cn(controlVariants({ state, mono }), "py-2", className)} {...props} />;
}

/** A select's options for things that have an id and a name, in the order given. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}
