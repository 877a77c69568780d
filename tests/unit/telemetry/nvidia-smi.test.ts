import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../../../lib/i18n/translate";
import {
  GPU_QUERY_FIELDS,
  GpuStreamParser,
  computeAppsArgv,
  describeNvidiaSmiFailure,
  nvidiaSmiFailureValues,
  type NvidiaSmiFailure,
  gpuQueryArgv,
  parseComputeApps,
  parseGpuQuery,
  parseGpuRow,
  saysNoGpu,
} from "../../../lib/telemetry/nvidia-smi";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/nvidia-smi");
const MACHINES = { "h100-x1": { gpus: 1, totalMiB: 81559, name: "NVIDIA H100 80GB HBM3" }, "h200-x2": { gpus: 2, totalMiB: 143771, name: "NVIDIA H200" } };
const read = (machine: string, file: string) => fs.readFileSync(path.join(FIXTURES, machine, file), "utf8");
const filesOf = (machine: string, pattern: RegExp) => fs.readdirSync(path.join(FIXTURES, machine)).filter((f) => pattern.test(f));

describe("the field list", () => {
  it("is the list the fixtures were captured with, so the fixtures are what the sampler will read", () => {
    const capture = fs.readFileSync(path.join(FIXTURES, "capture.sh"), "utf8");
    const q = /^Q=(.+)$/m.exec(capture)![1];
    expect(GPU_QUERY_FIELDS.map(([field]) => field).join(",")).toBe(q);
  });

  it("builds the sampler's argv: no header, no units, -lms with the interval", () => {
    expect(gpuQueryArgv(1000)).toEqual([`--query-gpu=${GPU_QUERY_FIELDS.map(([f]) => f).join(",")}`, "--format=csv,noheader,nounits", "-lms", "1000"]);
    expect(computeAppsArgv()).toEqual(["--query-compute-apps=pid,process_name,used_memory,gpu_uuid", "--format=csv,noheader,nounits"]);
  });

  it("names every field nvidia-smi documents in --help-query-gpu", () => {
    const help = read("h100-x1", "help-query-gpu.txt");
    for (const [field] of GPU_QUERY_FIELDS) expect(help, field).toContain(`"${field}"`);
  });
});

for (const [machine, expected] of Object.entries(MACHINES)) {
  describe(`--query-gpu captures of ${machine}`, () => {
    const files = filesOf(machine, /^query-gpu-.*\.csv$/);
    it("has the four captures (idle with units, idle without, after, stream)", () => {
      expect(files.sort()).toEqual(["query-gpu-after.csv", "query-gpu-idle-nounits.csv", "query-gpu-idle.csv", "query-gpu-load-stream.csv"]);
    });

    for (const file of files) {
      it(`reads every row of ${file}: indexes, totals, names, and [N/A] fan speed as null`, () => {
        const text = read(machine, file);
        const rows = parseGpuQuery(text);
        const lines = text.split("\n").filter((l) => /^\d/.test(l));
        expect(rows).toHaveLength(lines.length);
        expect(rows.length % expected.gpus).toBe(0);
        rows.forEach((row, i) => {
          expect(row.index).toBe(i % expected.gpus);
          expect(row.name).toBe(expected.name);
          expect(row.uuid).toMatch(/^GPU-[0-9a-f-]{36}$/);
          expect(row.memoryTotalMiB).toBe(expected.totalMiB);
          expect(row.memoryUsedMiB! + row.memoryFreeMiB!).toBeLessThanOrEqual(expected.totalMiB);
          expect(row.utilizationPercent).toBeGreaterThanOrEqual(0);
          expect(row.utilizationPercent).toBeLessThanOrEqual(100);
          expect(row.powerLimitW).toBe(700);
          expect(row.powerW).toBeGreaterThan(0);
          expect(row.temperatureC).toBeGreaterThan(20);
          expect(row.smClockMHz).toBeGreaterThan(0);
          expect(row.smClockMaxMHz).toBe(1980);
          expect(row.fanPercent).toBeNull();
          expect(row.computeMode).toBe("Default");
          expect(row.pstate).toBe("P0");
          expect(row.driverVersion).toBe("580.159.04");
        });
      });
    }

    it("reads the same numbers with and without units", () => {
      expect(parseGpuQuery(read(machine, "query-gpu-idle.csv")).map((r) => r.memoryTotalMiB)).toEqual(
        parseGpuQuery(read(machine, "query-gpu-idle-nounits.csv")).map((r) => r.memoryTotalMiB),
      );
      expect(parseGpuQuery(read(machine, "query-gpu-idle.csv"))[0]!.powerLimitW).toBe(700);
    });

    it("sees the load in the stream: full utilisation and about 12 GB used on the loaded GPU", () => {
      const rows = parseGpuQuery(read(machine, "query-gpu-load-stream.csv"));
      const loaded = rows.filter((r) => r.index === expected.gpus - 1);
      for (const row of loaded) {
        expect(row.utilizationPercent).toBe(100);
        expect(row.memoryUsedMiB).toBe(12457);
      }
    });

    it("parses the stream the same however it is cut into chunks", () => {
      const text = read(machine, "query-gpu-load-stream.csv");
      const whole = parseGpuQuery(text);
      for (const size of [1, 7, 64, 333]) {
        const parser = new GpuStreamParser();
        const rows = [];
        for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
        expect(rows).toEqual(whole);
      }
    });

    for (const file of filesOf(machine, /^apps-.*\.csv$/)) {
      it(`reads the compute apps of ${file}`, () => {
        const apps = parseComputeApps(read(machine, file));
        if (file.includes("idle")) return expect(apps).toEqual([]);
        const pid = Number(/loadpid (\d+)/.exec(read(machine, "load.log"))![1]);
        const loadedUuid = parseGpuQuery(read(machine, "query-gpu-idle.csv"))[expected.gpus - 1]!.uuid;
        expect(apps).toEqual([{ pid, processName: "python3", usedMemoryMiB: 12448, gpuUuid: loadedUuid }]);
      });
    }

    it("finds no reading in the unknown-field error", () => {
      expect(parseGpuQuery(read(machine, "query-bad-field.txt"))).toEqual([]);
      expect(parseComputeApps(read(machine, "query-bad-field.txt"))).toEqual([]);
    });
  });
}

describe("values nvidia-smi cannot give", () => {
  it("accepts [N/A], [Not Supported] and [Unknown Error] in any numeric or text field", () => {
    const cells = ["3", "GPU-00000000-0000-0000-0000-000000000003", "NVIDIA A10", "[N/A]", "[Not Supported]", "[N/A]", "[Not Supported]", "[N/A]", "[Unknown Error]", "[N/A]", "[N/A]", "[Not Supported]", "[N/A]", "[Not Supported]", "[N/A]", "[N/A]", "[N/A]", "[N/A]", "[Not Supported]", "[N/A]"];
    const row = parseGpuRow(cells.join(", "))!;
    expect(row.index).toBe(3);
    expect(row.name).toBe("NVIDIA A10");
    for (const [, key] of GPU_QUERY_FIELDS.slice(3)) expect(row[key], key).toBeNull();
  });

  it("keeps a process name that holds commas", () => {
    expect(parseComputeApps("77, /opt/my, odd app/python, 2048, GPU-abc\n")).toEqual([{ pid: 77, processName: "/opt/my, odd app/python", usedMemoryMiB: 2048, gpuUuid: "GPU-abc" }]);
  });

  it("recognises the messages of a machine without a usable GPU", () => {
    expect(saysNoGpu("No devices were found\n")).toBe(true);
    expect(saysNoGpu("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.")).toBe(true);
    expect(saysNoGpu(read("h100-x1", "query-bad-field.txt"))).toBe(false);
  });
});

describe("why nvidia-smi gave no reading, in the reader's language", () => {
  const failures: NvidiaSmiFailure[] = [
    { code: "not_found", command: "nvidia-smi" },
    { code: "cannot_run", command: "/opt/nvidia-smi", error: "spawn EACCES" },
    { code: "timed_out", seconds: 5 },
    { code: "exited", exitCode: 9, signal: null, output: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver." },
    { code: "exited", exitCode: null, signal: "SIGKILL", output: "" },
    { code: "no_gpu_listed" },
  ];
  const en = translator("en", "gpus");
  const zh = translator("zh-CN", "gpus");
  const say = (t: typeof en, failure: NvidiaSmiFailure) => t(`nvidiaSmi.${failure.code}`, nvidiaSmiFailureValues(failure));

  it("says in English exactly what the logs and the API say, and in Chinese with nvidia-smi's own line as printed", () => {
    for (const failure of failures) {
      expect(say(en, failure)).toBe(describeNvidiaSmiFailure(failure));
      expect(say(zh, failure)).not.toMatch(/[{}]|nvidiaSmi\./);
    }
    expect(say(zh, failures[3]!)).toBe("nvidia-smi 退出，退出码 9：NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.");
    expect(say(zh, failures[4]!)).toBe("nvidia-smi 被 SIGKILL 终止");
    expect(zh("nvidiaSmi.noGpuFound", { reason: say(zh, failures[0]!) })).toBe("未找到 NVIDIA GPU：找不到 nvidia-smi（未安装，或不在 PATH 中）。");
  });
});
