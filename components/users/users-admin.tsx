"use client";

import { useState } from "react";
import { callApi } from "@/components/api-client";
import { Field } from "@/components/auth/auth-card";
import { CreateForm } from "@/components/create-form";
import { Button } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/input";
import { useApiResource } from "@/components/use-api-resource";
import { ROLES, type UserRole } from "@/lib/authz";
import type { UserView } from "@/lib/users";

/** Administrators: create users with a role, change roles, disable, approve, reset passwords; self sign-up. */
export function UsersAdmin({ initialUsers, initialSignUp, selfId }: { initialUsers: UserView[]; initialSignUp: boolean; selfId: string }) {
  const { data: users, error, notice, run, submit } = useApiResource("/api/users", (body: { users: UserView[] }) => body.users, initialUsers);
  const [signUp, setSignUp] = useState(initialSignUp);

  const create = submit(
    (form) => callApi("POST", "/api/users", { name: form.get("name"), email: form.get("email"), password: form.get("password"), role: form.get("role") }),
    (form) => `Created ${String(form.get("email"))}.`,
  );

  const resetPassword = (user: UserView) => {
    const password = window.prompt(`New password for ${user.email} (at least 8 characters):`);
    if (password) void run(() => callApi("POST", `/api/users/${user.id}/password`, { password }), `Password of ${user.email} reset; their sessions ended.`);
  };

  return (
    <div className="space-y-6">
      <CreateForm label="create user" columns="sm:grid-cols-5" submit="Create user" wide error={error} onSubmit={create}>
        <Field label="Email">
          <Input name="email" type="email" required />
        </Field>
        <Field label="Password">
          <Input name="password" type="password" required minLength={8} autoComplete="new-password" />
        </Field>
        <Field label="Role">
          <Select name="role" defaultValue="operator">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </Select>
        </Field>
      </CreateForm>
      {notice && (
        <p role="status" className="text-sm text-emerald-300">
          {notice}
        </p>
      )}
      <DataTable columns={["Name", "Email", "Role", "Status", ""]} count={users.length}>
        {users.map((user) => (
          <DataRow key={user.id} data-testid={`user-${user.email}`}>
            <td className="py-2">{user.name}</td>
            <td className="font-mono text-xs">{user.email}</td>
            <td>
              <Select
                aria-label={`role of ${user.email}`}
                value={user.role}
                disabled={user.id === selfId}
                onChange={(event) => void run(() => callApi("PATCH", `/api/users/${user.id}`, { role: event.target.value as UserRole }))}
                className="w-32"
              >
                {ROLES.map((role) => (
                  <option key={role}>{role}</option>
                ))}
              </Select>
            </td>
            <td>{user.status}</td>
            <td className="space-x-2 text-right">
              {user.status === "pending" && (
                <Button size="sm" onClick={() => void run(() => callApi("PATCH", `/api/users/${user.id}`, { status: "active" }), `Approved ${user.email}.`)}>
                  Approve
                </Button>
              )}
              {user.id !== selfId && user.status !== "pending" && (
                <Button
                  size="sm"
                  variant={user.status === "active" ? "danger" : "secondary"}
                  onClick={() => void run(() => callApi("PATCH", `/api/users/${user.id}`, { status: user.status === "active" ? "disabled" : "active" }))}
                >
                  {user.status === "active" ? "Disable" : "Enable"}
                </Button>
              )}
              <Button size="sm" variant="secondary" onClick={() => resetPassword(user)}>
                Reset password
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
        Let people ask for an account on the sign-in page (they wait as pending until approved)
      </label>
    </div>
  );
}
