import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArgparseTable, FLAG_CATALOGUE, formatArgparseTable, SIMULATOR_FLAGS_FILE } from "../../../lib/launch";

describe("the simulator's argparse table", () => {
  it("is the catalogue as it is now (run npm run flags:export after changing a flag)", () => {
    const file = fs.readFileSync(path.join(__dirname, "../../..", SIMULATOR_FLAGS_FILE), "utf8");
    expect(file).toBe(formatArgparseTable(buildArgparseTable()));
  });

  it("gives argparse every spelling, type and choice list of each flag", () => {
    const table = buildArgparseTable();
    expect(table.flags).toHaveLength(FLAG_CATALOGUE.length);
    expect(table.flags.find((flag) => flag.dest === "tp_size")).toEqual({
      options: ["--tp-size", "--tensor-parallel-size"], dest: "tp_size", action: "store", type: "int", default: 1, choices: null, required: false,
    });
    expect(table.flags.find((flag) => flag.dest === "context_length")?.type).toBe("human_readable_int");
    expect(table.flags.find((flag) => flag.dest === "enable_metrics")?.action).toBe("store_true");
    expect(table.flags.find((flag) => flag.dest === "model_path")?.required).toBe(true);
    expect(table.flags.find((flag) => flag.dest === "speculative_algorithm")?.choices).toBeNull();
  });
});
