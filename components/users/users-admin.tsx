"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import { Field } from "@/components/auth/auth-card";
import { CreateForm } from "@/components/create-form";
import { Button } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/input";
import { useApiResource } from "@/components/use-api-resource";
import { ROLES, type UserRole } from "@/lib/authz";
import { PASSWORD_LENGTH, type UserView } from "@/lib/users";

/** Administrators: create users with a role, change roles, disable, approve, reset passwords; self sign-up. */
export function UsersAdmin({ initialUsers, initialSignUp, selfId }: { initialUsers: UserView[]; initialSignUp: boolean; selfId: string }) {
  const { data: users, error, notice, run, submit } = useApiResource("/api/users", (body: { users: UserView[] }) => body.users, initialUsers);
  const [signUp, setSignUp] = useState(initialSignUp);
  const t = useTranslations("users");

  const create = submit(
    (form) => callApi("POST", "/api/users", { name: form.get("name"), email: form.get("email"), password: form.get("password"), role: form.get("role") }),
    (form) => t("create.created", { email: String(form.get("email")) }),
  );

  const resetPassword = (user: UserView) => {
    const password = window.prompt(t("resetPrompt", { email: user.email, min: PASSWORD_LENGTH.min }));
    if (password) void run(() => callApi("POST", `/api/users/${user.id}/password`, { password }), t("passwordReset", { email: user.email }));
  };

  return (
    <div className="space-y-6">
      <CreateForm label={t("create.form")} columns="sm:grid-cols-5" submit={t("create.submit")} wide error={error} onSubmit={create}>
        <Field label={t("create.email")}>
          <Input name="email" type="email" required />
        </Field>
        <Field label={t("create.password")}>
          <Input name="password" type="password" required minLength={PASSWORD_LENGTH.min} autoComplete="new-password" />
        </Field>
        <Field label={t("create.role")}>
          <Select name="role" defaultValue="operator">
            <RoleOptions />
          </Select>
        </Field>
      </CreateForm>
      {notice && (
        <p role="status" className="text-sm text-emerald-300">
          {notice}
        </p>
      )}
      <DataTable columns={[t("table.name"), t("table.email"), t("table.role"), t("table.status"), ""]} count={users.length}>
        {users.map((user) => (
          <DataRow key={user.id} data-testid={`user-${user.email}`}>
            <td className="py-2">{user.name}</td>
            <td className="font-mono text-xs">{user.email}</td>
            <td>
              <Select
                aria-label={t("table.roleOf", { email: user.email })}
                value={user.role}
                disabled={user.id === selfId}
                onChange={(event) => void run(() => callApi("PATCH", `/api/users/${user.id}`, { role: event.target.value as UserRole }))}
                className="w-32"
              >
                <RoleOptions />
              </Select>
            </td>
            <td data-status={user.status}>{t(`status.${user.status}`)}</td>
            <td className="space-x-2 text-right">
              {user.status === "pending" && (
                <Button size="sm" onClick={() => void run(() => callApi("PATCH", `/api/users/${user.id}`, { status: "active" }), t("approved", { email: user.email }))}>
                  {t("actions.approve")}
                </Button>
              )}
              {user.id !== selfId && user.status !== "pending" && (
                <Button
                  size="sm"
                  variant={user.status === "active" ? "danger" : "secondary"}
                  onClick={() => void run(() => callApi("PATCH", `/api/users/${user.id}`, { status: user.status === "active" ? "disabled" : "active" }))}
                >
                  {user.status === "active" ? t("actions.disable") : t("actions.enable")}
                </Button>
              )}
              <Button size="sm" variant="secondary" onClick={() => resetPassword(user)}>
                {t("actions.resetPassword")}
              </Button>
            </td>
          </DataRow>
        ))}
      </DataTable>
      <label className="flex items-center gap-2 text-sm text-zinc-300">
        <input
          type="checkbox"
          checked={signUp}
          onChange={(event) => {
            const enabled = event.target.checked;
            void run(async () => {
              await callApi("PATCH", "/api/settings", { signUpEnabled: enabled });
              setSignUp(enabled);
            });
          }}
        />
        {t("signUp")}
      </label>
    </div>
  );
}

/** One option per role, named in the reader's language (the create form's and each row's role select). */
function RoleOptions() {
  const roles = useTranslations("common.roles");
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {roles(role)}
    </option>
  ));
}
