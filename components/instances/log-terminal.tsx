"use client";

import "@xterm/xterm/css/xterm.css";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import type { Terminal } from "@xterm/xterm";
import type { TerminalSink } from "./use-instance-stream";

/** A real terminal (xterm.js) for a run's output: colours, carriage-return progress bars and all. */
export const LogTerminal = forwardRef<TerminalSink>(function LogTerminal(_props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);
  // Output that arrives before xterm.js has loaded is held, never dropped.
  const early = useRef<string[]>([]);

  useImperativeHandle(ref, () => ({
    write: (data) => (terminal.current ? terminal.current.write(data) : early.current.push(data)),
    reset: (note) => (terminal.current ? terminal.current.write(note) : early.current.push(note)),
  }));

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !container.current) return;
      const term = new Terminal({
        convertEol: false,
        disableStdin: true,
        scrollback: 20_000,
        fontSize: 12,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
        theme: { background: "#09090b" },
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(container.current);
      fit.fit();
      terminal.current = term;
      for (const data of early.current.splice(0)) term.write(data);
      const onResize = () => fit.fit();
      window.addEventListener("resize", onResize);
      cleanup = () => {
        window.removeEventListener("resize", onResize);
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      terminal.current = null;
      cleanup();
    };
  }, []);

  return <div ref={container} className="h-[28rem] w-full overflow-hidden rounded-md bg-zinc-950 p-2" data-testid="terminal" />;
});
