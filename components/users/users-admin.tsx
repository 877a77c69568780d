"use client";

import { useState } from "react";
import { ApiFailure, callApi } from "@/components/api-client";
import { Field, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { ROLES, type UserRole } from "@/lib/authz";
import type { UserView } from "@/lib/users";

const message = (failure: unknown) => (failure instanceof ApiFailure ? failure.message : String(failure));

/** Administrators: create users with a role, change roles, disable, approve, reset passwords; self sign-up. */
export function UsersAdmin({ initialUsers, initialSignUp, selfId }: { initialUsers: UserView[]; initialSignUp: boolean; selfId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const [signUp, setSignUp] = useState(initialSignUp);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setError(null);
    setNotice(null);
    try {
      await action();
      setUsers((await callApi<{ users: UserView[] }>("GET", "/api/users")).users);
      if (done) setNotice(done);
    } catch (failure) {
      setError(message(failure));
    }
  };

  const create = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = { name: form.get("name"), email: form.get("email"), password: form.get("password"), role: form.get("role") };
    void run(async () => {
      await callApi("POST", "/api/users", body);
      formElement.reset();
    }, `Created ${String(body.email)}.`);
  };

  const resetPassword = (user: UserView) => {
    const password = window.prompt(`New password for ${user.email} (at least 8 characters):`);
    if (password) void run(() => callApi("POST", `/api/users/${user.id}/password`, { password }), `Password of ${user.email} reset; their sessions ended.`);
  };

  return (
    <div className="space-y-6">
      <form onSubmit={create} aria-label="create user" className="grid gap-3 rounded-lg border border-zinc-800 p-4 sm:grid-cols-5">
        <Field label="Name">
          <Input name="name" required maxLength={100} />
        </Field>
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
        <div className="flex items-end">
          <Button type="submit" className="w-full">
            Create user
          </Button>
        </div>
      </form>
      <FormError message={error} />
      {notice && (
        <p role="status" className="text-sm text-emerald-300">
          {notice}
        </p>
      )}
      <table className="w-full text-sm">
        <thead className="text-left text-zinc-400">
          <tr>
            <th className="py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-zinc-800" data-testid={`user-${user.email}`}>
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
            </tr>
          ))}
        </tbody>
      </table>
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
