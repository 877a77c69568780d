import { useTranslations } from "next-intl";
import { Field, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

/**
 * The boxed form that creates one thing on an admin page: a Name box first, the other fields, the submit button
 * last (`submitCell` places its cell, `wide` fills it), then the error of the last attempt.
 */
export function CreateForm({
  label,
  columns,
  namePlaceholder,
  submit,
  submitCell,
  wide = false,
  error,
  onSubmit,
  children,
}: {
  label: string;
  columns: string;
  namePlaceholder?: string;
  submit: string;
  submitCell?: string;
  wide?: boolean;
  error: string | null;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("common.admin");
  return (
    <>
      <form onSubmit={onSubmit} aria-label={label} className={cn("grid gap-3 rounded-lg border border-zinc-800 p-4", columns)}>
        <Field label={t("name")}>
          <Input name="name" required maxLength={100} placeholder={namePlaceholder} />
        </Field>
        {children}
        <div className={cn("flex items-end", submitCell)}>
          <Button type="submit" className={wide ? "w-full" : undefined}>
            {submit}
          </Button>
        </div>
      </form>
      <FormError message={error} />
    </>
  );
}
