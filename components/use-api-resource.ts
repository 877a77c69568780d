"use client";

import { useRef, useState } from "react";
import { callApi, messageOf } from "./api-client";

/**
 * Data a page got from the server and keeps fresh through the API. `run` does an action (create, revoke, change)
 * and loads the data again; `submit` makes a create form's onSubmit that does the same and empties the form;
 * `show` loads the data from another path (new filters). A failure's message is in `error`, the sentence a finished
 * action asked for in `notice`; each new call clears both.
 */
export function useApiResource<Body, T>(path: string, pick: (body: Body) => T, initial: T) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const source = useRef(path);

  const run = async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setError(null);
    setNotice(null);
    try {
      await action();
      setData(pick(await callApi<Body>("GET", source.current)));
      if (done) setNotice(done);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    }
  };

  const submit = (action: (form: FormData) => Promise<unknown>, done?: (form: FormData) => string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    void run(async () => {
      await action(form);
      element.reset();
    }, done?.(form));
  };

  const show = (from: string) =>
    run(async () => {
      source.current = from;
    });

  return { data, error, notice, run, submit, show };
}

/** A report behind filters: `apply` shows the new filter at once and loads what it selects. */
export function useFilteredApiResource<F, Body, T>(pathOf: (filter: F) => string, pick: (body: Body) => T, initial: T, initialFilter: F) {
  const resource = useApiResource(pathOf(initialFilter), pick, initial);
  const [filter, setFilter] = useState(initialFilter);
  const apply = (next: F) => {
    setFilter(next);
    void resource.show(pathOf(next));
  };
  return { ...resource, filter, apply };
}
