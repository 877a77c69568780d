import { describe, expect, it } from "vitest";
import { parseArgparseHelp } from "../../../lib/launch";

// The shape argparse prints for `python -m sglang.launch_server --help` (Python 3.10+: "options:").
const HELP = `usage: launch_server.py [-h] --model-path MODEL_PATH [--tp-size TP_SIZE]
                        [--tool-call-parser {glm45,glm47}]

options:
  -h, --help            show this help message and exit
  --model-path MODEL_PATH, --model MODEL_PATH
                        The path of the model weights.
  --tp-size TP_SIZE, --tensor-parallel-size TP_SIZE
                        The tensor parallelism size.
  --tool-call-parser {glm45,glm47}
                        Specify the parser for handling tool-call interactions.
  --enable-metrics      Enable log prometheus metrics.
  --cuda-graph-bs CUDA_GRAPH_BS [CUDA_GRAPH_BS ...]
                        Set the list of batch sizes for cuda graph.

Speculative decoding:
  --speculative-algorithm SPECULATIVE_ALGORITHM
`;

describe("parseArgparseHelp", () => {
  it("reads each long option's spellings, whether it takes a value, and its choices", () => {
    expect(parseArgparseHelp(HELP)).toEqual([
      { options: ["--help"], takesValue: false, choices: null },
      { options: ["--model-path", "--model"], takesValue: true, choices: null },
      { options: ["--tp-size", "--tensor-parallel-size"], takesValue: true, choices: null },
      { options: ["--tool-call-parser"], takesValue: true, choices: ["glm45", "glm47"] },
      { options: ["--enable-metrics"], takesValue: false, choices: null },
      { options: ["--cuda-graph-bs"], takesValue: true, choices: null },
      { options: ["--speculative-algorithm"], takesValue: true, choices: null },
    ]);
  });
});
