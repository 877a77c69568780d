/** Failure rules about fitting the model to the GPUs: parallel sizes, kernels that do not build or load, GPUs too old. */
import { fail, firstMatch, STRENGTH, type FailureRule } from "../failure";

const KERNEL_BUILD_RE =
  /CalledProcessError: Command '\[?'?(?:ninja|[\w/.]*gcc|[\w/.]*g\+\+|[\w/.]*nvcc|[\w/.]*cc|[\w/.]*clang)|ninja: build stopped|Ninja build failed|Ninja is required|Error building extension|nvcc fatal|error: command '[^']*(?:gcc|nvcc|g\+\+)' failed|FAILED: [\w/.-]+\.(?:cuda\.)?o\b|JIT compilation failed|CompilationError|triton\.compiler\.errors|Failed to compile|cannot find -lcuda|OutOfResources: out of resource/;
const KERNEL_IMPORT_RE =
  /undefined symbol: \w+|(?:ImportError|OSError): [^:]*\.so[.\d]*: cannot open shared object file|No module named '(?:sgl_kernel|flashinfer|flash_attn|triton|deep_gemm|vllm|sgl_kernel\.\w+)'|(?:sgl_kernel|flashinfer|deep_gemm)\b.*(?:failed to load|could not be loaded|ImportError)/;
const GPU_RE =
  /SGLang only supports sm\d+ and above|no kernel image is available for execution on the device|FlashAttention only supports (?:Ampere|Hopper)|(?:only supports?|requires) (?:GPUs? with )?(?:compute capability|sm_?\d{2,3}|SM ?\d{2,3})|only supported on GPUs with compute capability|compute capability [\d.]+ (?:is )?(?:not supported|too low)|not supported on (?:this GPU|GPUs? with|your GPU)|not supported for the current GPU|is not compatible with the current PyTorch installation|Unsupported GPU|Found no NVIDIA driver|No CUDA GPUs are available|HIP error: invalid device function/i;

export const HARDWARE_RULES: readonly FailureRule[] = [
  {
    name: "quantization-block-not-divisible",
    match(t) {
      const m = t.includes("weight quantization block_") ? /(\w{1,48}) = (\d+) is not divisible by weight quantization block_[nk] = (\d+)/.exec(t) : null;
      return m ? fail("invalid_parallel", STRENGTH.specific, "specific", { quantBlock: Number(m[3]), partition: Number(m[2]) }) : null;
    },
  },
  {
    name: "not-divisible",
    match(t) {
      const m = /(\d+) is not divisible by (\d+)/.exec(t);
      return m ? fail("invalid_parallel", STRENGTH.specific, "specific", { dividend: Number(m[1]), divisor: Number(m[2]) }) : null;
    },
  },
  {
    name: "parallel-size-assertion",
    match(t) {
      if (/^\s*#/.test(t)) return null;
      if (!/%\s*(?:self\.)?(?:tp_size|tp|attn_tp_size|ep_size|moe_ep_size|pp_size|dp_size|world_size)\s*==\s*0|must be divisible by|invalid device ordinal|(?:tp_size|world size|pp_size).{0,60}(?:exceeds|larger than|greater than).{0,40}(?:GPUs|devices)|not enough GPUs/i.test(t)) return null;
      const heads = firstMatch(/(?:num_heads|num_attention_heads|total_num_heads|num_key_value_heads|total_num_kv_heads)\D{0,20}(\d+)/, t);
      return fail("invalid_parallel", STRENGTH.specific, "specific", heads !== undefined ? { heads: Number(heads) } : {});
    },
  },
  {
    name: "kernel-build",
    match(t) {
      return KERNEL_BUILD_RE.test(t) ? fail("kernel_build", STRENGTH.specific, "specific", { kernel: "build" }) : null;
    },
  },
  {
    name: "kernel-import",
    match(t) {
      if (!KERNEL_IMPORT_RE.test(t)) return null;
      const lib = firstMatch(/(sgl_kernel|flashinfer|flash_attn|deep_gemm|triton|vllm|lib[\w]+\.so[.\d]*)/, t);
      return fail("kernel_build", STRENGTH.likely, "specific", { kernel: "import", ...(lib !== undefined ? { library: lib } : {}) });
    },
  },
  {
    name: "unsupported-gpu",
    match(t) {
      if (!GPU_RE.test(t)) return null;
      const sm = firstMatch(/sm_?(\d{2,3})/i, t) ?? firstMatch(/Current capability: (\d+)/, t) ?? firstMatch(/compute capability (?:of )?([\d.]+)/i, t);
      return fail("unsupported_gpu", STRENGTH.specific, "specific", sm !== undefined ? { gpuArch: sm } : {});
    },
  },
];
