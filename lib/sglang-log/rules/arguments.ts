/** Failure rules for what is checked before anything loads: the command line, the model's path and config. */
import { fail, firstMatch, STRENGTH, type FailureDetail, type FailureRule } from "../failure";

const FLAG = "((?:-{1,2}[\\w-]+)(?:\\/-{1,2}[\\w-]+)*)";
/** argparse's `PROG: error: ...`, at the start or after a wrapper's own prefix (then PROG must look like SGLang's). */
const ARGPARSE_RE = /^(?:[\w.-]+(?:\.py)?|sglang(?: serve)?): error: (.+)$|(?:^|[\s|:\]])(?:[\w.-]+\.py|sglang(?: serve)?): error: (.+)$/;

function argparseDetail(msg: string): FailureDetail {
  const d: FailureDetail = { message: msg.slice(0, 500) };
  const choice = new RegExp(`argument ${FLAG}: invalid choice: '([^']*)' \\(choose from (.*)\\)`).exec(msg);
  const unrec = /unrecognized arguments: (.*)$/.exec(msg);
  const required = /the following arguments are required: (.*)$/.exec(msg);
  const badValue = new RegExp(`argument ${FLAG}: invalid (\\w+) value: '([^']*)'`).exec(msg);
  const expected = new RegExp(`argument ${FLAG}: expected (.*)$`).exec(msg);
  const flagOf = (m: RegExpExecArray) => (m[1] ?? "").split("/")[0] ?? "";
  if (choice) Object.assign(d, { kind: "invalid_choice", flag: flagOf(choice), value: choice[2] ?? "", choices: choice[3] ?? "" });
  else if (unrec) Object.assign(d, { kind: "unrecognized", args: unrec[1] ?? "" });
  else if (required) Object.assign(d, { kind: "required", args: required[1] ?? "" });
  else if (badValue) Object.assign(d, { kind: "invalid_value", flag: flagOf(badValue), valueType: badValue[2] ?? "", value: badValue[3] ?? "" });
  else if (expected) Object.assign(d, { kind: "expected", flag: flagOf(expected) });
  return d;
}

const MODEL_RE =
  /HFValidationError|Repo id must be in the form|RepositoryNotFoundError|Repository Not Found|GatedRepoError|Cannot access gated repo|401 Client Error|403 Client Error|does not appear to have a file named config\.json|is not a local folder and is not a valid model identifier|Can't load the configuration of|LocalEntryNotFoundError|No such file or directory: '[^']*config\.json'|Incorrect path_or_model_id|not the path to a directory containing a file named config\.json|We couldn't connect to 'https:\/\/huggingface\.co'/;

export const ARGUMENT_RULES: readonly FailureRule[] = [
  {
    name: "argparse-error",
    match(t) {
      const m = t.includes(": error: ") ? ARGPARSE_RE.exec(t) : null;
      return m ? fail("bad_argument", STRENGTH.specific, "specific", argparseDetail(m[1] ?? m[2] ?? "")) : null;
    },
  },
  {
    // ModelConfig's check, raised before any weight is read.
    name: "context-length-over-model",
    match(t) {
      const m = /User-specified context_length \((\d+)\) is greater than the derived context_length \((\d+)\)/.exec(t);
      return m ? fail("bad_argument", STRENGTH.specific, "specific", { kind: "context_length", value: Number(m[1]), limit: Number(m[2]) }) : null;
    },
  },
  {
    name: "model-not-found",
    match(t) {
      if (!MODEL_RE.test(t)) return null;
      const d: FailureDetail = {};
      if (/401 Client Error|403 Client Error|GatedRepoError|gated repo|Unauthorized/.test(t)) d.modelError = "gated";
      else if (/Repo id must be in the form|HFValidationError|is not a local folder|No such file|Incorrect path/.test(t)) d.modelError = "path";
      else if (/We couldn't connect/.test(t)) d.modelError = "offline";
      else if (/config\.json/.test(t)) d.modelError = "no_config";
      else d.modelError = "not_found";
      const path =
        firstMatch(/'namespace\/repo_name': '([^']+)'/, t) ??
        firstMatch(/https:\/\/huggingface\.co\/([^/\s]+\/[^/\s]+)\//, t) ??
        firstMatch(/(?:path_or_model_id|identifier|configuration of|Error): '([^']+)'/, t);
      if (path !== undefined) d.path = path;
      return fail("model_not_found", STRENGTH.specific, "specific", d);
    },
  },
  {
    name: "unsupported-architecture",
    match(t) {
      if (!/Model architectures? \[.*\] (?:are|is) not supported|Unsupported architectures?:|does not recognize this architecture|[Aa]rchitecture \S+ (?:is )?not supported|Unrecognized configuration class|Unrecognized model in .*model_type/.test(t)) return null;
      const d: FailureDetail = {};
      const arch = firstMatch(/\['([^']+)'/, t) ?? firstMatch(/Unsupported architectures?: ([\w]+)/, t) ?? firstMatch(/model type `([^`]+)`/, t);
      if (arch !== undefined) d.architecture = arch;
      if (/Transformers does not recognize|Unrecognized configuration class|Unrecognized model in/.test(t)) d.source = "transformers";
      return fail("unsupported_arch", STRENGTH.specific, "specific", d);
    },
  },
  {
    // Old transformers: the source line of the failing frame shows the model type looked up; the KeyError under it does not.
    name: "transformers-unknown-model-type",
    match(t) {
      return /CONFIG_MAPPING\[config_dict\["model_type"\]\]/.test(t) ? fail("unsupported_arch", STRENGTH.likely, "specific", { source: "transformers" }) : null;
    },
  },
  {
    name: "trust-remote-code",
    match(t) {
      if (!/set the option `?trust_remote_code=True`?|pass the argument `?trust_remote_code=True`?|requires you to execute the (?:configuration|modeling|tokenizer) file|contains custom code which must be executed/.test(t)) return null;
      return fail("trust_remote_code", STRENGTH.specific, "specific");
    },
  },
  {
    name: "chat-template",
    match(t) {
      if (!/is not a built-in template name|TemplateSyntaxError|TemplateError|UndefinedError|jinja2\.exceptions|Failed to load chat template|chat[_ ]template.*(?:not found|does not exist|is invalid|invalid)|Cannot use chat template functions because tokenizer\.chat_template is not set|Conversation roles must alternate/i.test(t)) return null;
      // At a request, a template error answers that request with an error; the server goes on.
      const atRequest = /Cannot use chat template functions|Conversation roles must alternate|UndefinedError|TemplateError:/.test(t);
      return fail("chat_template", STRENGTH.specific, "specific", atRequest ? { at: "request" } : {}, !atRequest);
    },
  },
];
