"""OpenAI-compatible and native endpoints: request checks, the model's plan, response shapes."""

import json
import time

from sglang.srt import generation as gen
from sglang.srt import tools as tool_calls
from sglang.srt.entrypoints.serving import run
from sglang.srt.entrypoints.stream_abort import RequestAborted
from sglang.srt.generation import Token


class ApiError(Exception):
    def __init__(self, message, status=400, err_type="BadRequestError"):
        super().__init__(message)
        self.message, self.status, self.err_type = message, status, err_type

    def body(self):
        return {"object": "error", "message": self.message, "type": self.err_type, "param": None, "code": self.status}


def _missing(model_name, field, body):
    return ApiError(
        f"1 validation error for {model_name}\n{field}\n  Field required [type=missing, "
        f"input_value={str(body)[:120]}, input_type=dict]"
    )


def _text_of(content):
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return str(content)


def _check_lengths(state, prompt_tokens, max_tokens):
    ctx = state.context_len
    if prompt_tokens >= ctx:
        raise ApiError(f"The input ({prompt_tokens} tokens) is longer than the model's context length ({ctx} tokens).")
    if max_tokens is not None and max_tokens + prompt_tokens >= ctx:
        raise ApiError(
            f"Requested token count exceeds the model's maximum context length of {ctx} tokens. "
            f"You requested a total of {max_tokens + prompt_tokens} tokens: {prompt_tokens} tokens from the "
            f"input messages and {max_tokens} tokens for the completion. Please reduce the number of tokens "
            "in the input messages or the completion to fit within the limit."
        )


def _int_param(body, *names, minimum=1):
    """An integer field; SGLang answers 400 to `max_tokens <= 0` as to `n < 1`."""
    for name in names:
        value = body.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise ApiError(f"{name} must be an integer, got {value!r}.")
        if value < minimum:
            raise ApiError(f"{name} must be at least {minimum}, got {value}.")
        return value
    return None


def _stops(body):
    stop = body.get("stop")
    if stop is None:
        return []
    return [stop] if isinstance(stop, str) else list(stop)


def _usage(prompt_tokens, tokens):
    """Usage of the tokens a stream produced (all of them, or those before an abort)."""
    reasoning = sum(1 for t in tokens if t.channel == "reasoning")
    return {
        "prompt_tokens": prompt_tokens, "total_tokens": prompt_tokens + len(tokens),
        "completion_tokens": len(tokens), "prompt_tokens_details": None, "reasoning_tokens": reasoning,
    }


def _run_stream(state, prompt, completion, on_token, io, final_chunk=None):
    """Runs a streamed request to its end (then `final_chunk`, if any), or to SGLang's error chunk when it is
    aborted part-way; returns the usage of what was produced (the usage chunk and [DONE] follow either way)."""
    try:
        run(state, prompt, completion, on_token, io, abortable=True)
    except RequestAborted as abort:
        io.sse(abort.chunk())
        return _usage(len(prompt), completion.tokens[:abort.produced])
    if final_chunk is not None:
        final_chunk()
    return _usage(len(prompt), completion.tokens)


# Chat ---------------------------------------------------------------------------------
def _plan_chat(state, body, index=0):
    args, model = state.args, state.model
    messages = body["messages"]
    last = messages[-1] if isinstance(messages[-1], dict) else {}
    last_user = next((_text_of(m.get("content")) for m in reversed(messages)
                      if isinstance(m, dict) and m.get("role") == "user"), "")
    kwargs = body.get("chat_template_kwargs") or {}
    thinking = bool(args.reasoning_parser or model.thinks) and kwargs.get("enable_thinking", True) is not False \
        and kwargs.get("thinking", True) is not False
    tools = body.get("tools") or []
    seed = gen.seed_for(messages, tools, body.get("seed"), index)
    tokens = []
    if thinking:
        tokens.append(Token("<think>", "hidden"))
        tokens += [Token(t, "reasoning") for t in gen.reasoning_tokens(seed)]
        tokens.append(Token("</think>", "hidden"))
    call = None
    if last.get("role") == "tool":
        name = next((m.get("name") or (m.get("tool_calls") or [{}])[0].get("function", {}).get("name")
                     for m in reversed(messages) if isinstance(m, dict) and m.get("role") == "assistant"), None)
        result = _text_of(last.get("content")).strip()[:200]
        lead = gen.tokenize(f"According to {name or 'the tool'}, the result is: {result}.")
        tokens += [Token(t, "content") for t in lead]
        tokens += [Token(" " + t.lstrip(), "content") for t in gen.answer_tokens(seed)[:24]]
    elif tools and body.get("tool_choice", "auto") != "none":
        name, arguments = tool_calls.plan_call(tools, body.get("tool_choice"), last_user)
        call = (name, arguments)
        raw = tool_calls.raw_text(args.tool_call_parser, name, arguments)
        tokens += [Token(t, "tool") for t in gen.tokenize(raw)]
    else:
        max_tokens = _int_param(body, "max_completion_tokens", "max_tokens")
        limit = max(1, max_tokens - len(tokens)) if (body.get("ignore_eos") and max_tokens) else None
        tokens += [Token(t, "content") for t in gen.answer_tokens(seed, limit)]
    if not args.reasoning_parser or body.get("separate_reasoning") is False:
        tokens = [Token(t.text, "content") if t.channel in ("reasoning", "hidden") else t for t in tokens]
    if not args.tool_call_parser:
        tokens = [Token(t.text, "content") if t.channel == "tool" else t for t in tokens]
        call = None
    completion = gen.finish(tokens, _int_param(body, "max_completion_tokens", "max_tokens"), _stops(body),
                            model.eos_token_id, call)
    if completion.tool_call is None:
        completion.tokens = [Token(t.text, "content") if t.channel == "tool" else t for t in completion.tokens]
    return completion


def _chat_prompt(body):
    rendered = "".join(f"<|{m.get('role', 'user')}|>{_text_of(m.get('content'))}" for m in body["messages"]
                       if isinstance(m, dict))
    if body.get("tools"):
        rendered += json.dumps(body["tools"])
    return gen.tokenize(rendered + "<|assistant|>")


def _validate_chat(body):
    if "messages" not in body:
        raise _missing("ChatCompletionRequest", "messages", body)
    if not isinstance(body["messages"], list) or not body["messages"]:
        raise ApiError("messages must be a non-empty list of messages.")
    _int_param(body, "max_completion_tokens", "max_tokens")
    n = _int_param(body, "n", minimum=1) or 1
    if n > 1 and body.get("stream"):
        raise ApiError("n > 1 is not supported when streaming.")
    return n


def _tool_call_json(state, call, index=0):
    name, arguments = call
    return {"id": state.next_id("call_", 24), "index": index, "type": "function",
            "function": {"name": name, "arguments": json.dumps(arguments, ensure_ascii=False)}}


def chat_completions(state, body, io):
    n = _validate_chat(body)
    prompt = _chat_prompt(body)
    _check_lengths(state, len(prompt), _int_param(body, "max_completion_tokens", "max_tokens"))
    model_name = body.get("model") or state.served_name
    rid, created = state.next_id(), int(time.time())
    state.log_receive(rid, body)
    if body.get("stream"):
        return _chat_stream(state, body, io, prompt, rid, created, model_name)
    choices, total_completion, total_reasoning = [], 0, 0
    for index in range(n):
        completion = _plan_chat(state, body, index)
        run(state, prompt, completion, lambda i, t: None)
        reasoning = completion.text("reasoning") if state.args.reasoning_parser else ""
        content = completion.text("content")
        # SGLang keeps content a string ("" rather than null, for retokenization), and a natural stop that
        # became tool_calls loses its matched EOS (serving_chat.py _process_tool_calls).
        message = {"role": "assistant", "content": content, "reasoning_content": reasoning or None, "tool_calls": None}
        if completion.tool_call:
            message["tool_calls"] = [_tool_call_json(state, completion.tool_call)]
        matched = None if completion.finish_reason == "tool_calls" else completion.matched_stop
        choices.append({"index": index, "message": message, "logprobs": None,
                        "finish_reason": completion.finish_reason, "matched_stop": matched})
        total_completion += completion.count
        total_reasoning += sum(1 for t in completion.tokens if t.channel == "reasoning")
    usage = {"prompt_tokens": len(prompt), "total_tokens": len(prompt) + total_completion,
             "completion_tokens": total_completion, "prompt_tokens_details": None, "reasoning_tokens": total_reasoning}
    response = {"id": rid, "object": "chat.completion", "created": created, "model": model_name,
                "choices": choices, "usage": usage, "metadata": {"weight_version": state.args.weight_version}}
    state.log_finish(rid, choices[0]["message"].get("content"), usage)
    io.json(200, response)


def _chat_stream(state, body, io, prompt, rid, created, model_name):
    completion = _plan_chat(state, body)
    include_usage = bool((body.get("stream_options") or {}).get("include_usage"))

    def chunk(delta, finish=None, matched=None):
        return {"id": rid, "object": "chat.completion.chunk", "created": created, "model": model_name,
                "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish,
                             "matched_stop": matched}], "usage": None}

    tool_positions = [i for i, t in enumerate(completion.tokens) if t.channel == "tool"]
    tool_plan = {}
    if completion.tool_call and tool_positions:
        call = _tool_call_json(state, completion.tool_call)
        head = {"index": 0, "id": call["id"], "type": "function",
                "function": {"name": call["function"]["name"], "arguments": ""}}
        frags = tool_calls.fragments(call["function"]["arguments"], min(6, max(1, len(tool_positions) - 1)))
        tool_plan[tool_positions[0]] = [head]
        rest = tool_positions[1:] or tool_positions[:1]
        for k, frag in enumerate(frags):
            pos = rest[min(len(rest) - 1, (k + 1) * len(rest) // len(frags) - 1)]
            tool_plan.setdefault(pos, []).append({"index": 0, "function": {"arguments": frag}})

    io.sse_start()
    io.sse(chunk({"role": "assistant", "content": ""}))
    # A token's chunk is the same JSON around its text: encode that once, not per token (at 32 streams of
    # 2,000 tokens/s, json.dumps of the whole chunk was a large part of the simulator's time).
    def around_text(delta):
        return json.dumps(chunk(delta), ensure_ascii=False).split('"\\u0000"')

    text_chunk = {
        "content": around_text({"role": None, "content": "\0", "reasoning_content": None, "tool_calls": None}),
        "reasoning": around_text({"role": None, "content": None, "reasoning_content": "\0", "tool_calls": None}),
    }

    def on_token(i, token):
        if token.channel == "tool":
            for item in tool_plan.get(i, []):
                io.sse(chunk({"role": None, "content": None, "reasoning_content": None, "tool_calls": [item]}))
        elif token.text and token.channel in text_chunk:
            before, after = text_chunk[token.channel]
            io.sse(before + json.dumps(token.text, ensure_ascii=False) + after)

    usage = _run_stream(state, prompt, completion, on_token, io,
                        lambda: io.sse(chunk({}, completion.finish_reason, completion.matched_stop)))
    if include_usage:
        io.sse({"id": rid, "object": "chat.completion.chunk", "created": created, "model": model_name,
                "choices": [], "usage": usage})
    io.sse("[DONE]")
    io.sse_end()
    state.log_finish(rid, completion.text("content"), usage)


# Completions and /generate -----------------------------------------------------------
def _plan_text(state, prompt_text, body, max_tokens, index=0):
    seed = gen.seed_for(prompt_text, body.get("seed"), index)
    limit = max_tokens if (body.get("ignore_eos") and max_tokens) else None
    tokens = [Token(t, "content") for t in gen.answer_tokens(seed, limit)]
    return gen.finish(tokens, max_tokens, _stops(body), state.model.eos_token_id)


def _prompts(body):
    prompt = body.get("prompt")
    if prompt is None:
        raise _missing("CompletionRequest", "prompt", body)
    if isinstance(prompt, str):
        return [prompt]
    if isinstance(prompt, list) and prompt and all(isinstance(p, int) for p in prompt):
        return [" ".join(f"t{p}" for p in prompt)]
    if isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt):
        return prompt
    raise ApiError("prompt must be a string, a list of strings or a list of token ids.")


def completions(state, body, io):
    prompts = _prompts(body)
    max_tokens = _int_param(body, "max_tokens")
    if max_tokens is None:
        max_tokens = 16  # the OpenAI default for /v1/completions
    for p in prompts:
        _check_lengths(state, gen.count_tokens(p), max_tokens)
    model_name = body.get("model") or state.served_name
    rid, created = state.next_id(), int(time.time())
    state.log_receive(rid, body)
    if body.get("stream"):
        prompt = gen.tokenize(prompts[0])
        completion = _plan_text(state, prompts[0], body, max_tokens)

        def chunk(text, finish=None, matched=None):
            return {"id": rid, "object": "text_completion", "created": created, "model": model_name,
                    "choices": [{"index": 0, "text": text, "logprobs": None, "finish_reason": finish,
                                 "matched_stop": matched}], "usage": None}

        last = len(completion.tokens) - 1  # never empty: a stop string at the first token leaves an empty token

        # As serving_completions.py, the finish reason rides on the last text chunk, not a chunk of its own.
        def on_token(i, token):
            if i == last:
                io.sse(chunk(token.text, completion.finish_reason, completion.matched_stop))
            elif token.text:
                io.sse(chunk(token.text))

        io.sse_start()
        usage = _run_stream(state, prompt, completion, on_token, io)
        if (body.get("stream_options") or {}).get("include_usage"):
            io.sse({"id": rid, "object": "text_completion", "created": created, "model": model_name,
                    "choices": [], "usage": usage})
        io.sse("[DONE]")
        io.sse_end()
        return
    choices, prompt_total, completion_total = [], 0, 0
    for index, prompt_text in enumerate(prompts * max(1, _int_param(body, "n", minimum=1) or 1)):
        prompt = gen.tokenize(prompt_text)
        completion = _plan_text(state, prompt_text, body, max_tokens, index)
        run(state, prompt, completion, lambda i, t: None)
        choices.append({"index": index, "text": completion.text("content"), "logprobs": None,
                        "finish_reason": completion.finish_reason, "matched_stop": completion.matched_stop})
        prompt_total += len(prompt)
        completion_total += completion.count
    usage = {"prompt_tokens": prompt_total, "total_tokens": prompt_total + completion_total,
             "completion_tokens": completion_total, "prompt_tokens_details": None}
    state.log_finish(rid, choices[0]["text"], usage)
    io.json(200, {"id": rid, "object": "text_completion", "created": created, "model": model_name,
                  "choices": choices, "usage": usage, "metadata": {"weight_version": state.args.weight_version}})


def generate(state, body, io):
    """Native /generate: {"text": ..., "sampling_params": {...}} -> {"text", "meta_info"}."""
    text = body.get("text")
    if text is None and body.get("input_ids") is not None:
        text = " ".join(f"t{i}" for i in body["input_ids"])
    if not isinstance(text, str):
        raise ApiError("Either text or input_ids should be provided.")
    params = body.get("sampling_params") or {}
    max_tokens = params.get("max_new_tokens", 128)
    prompt = gen.tokenize(text)
    _check_lengths(state, len(prompt), max_tokens)
    rid = body.get("rid") or state.next_id()
    completion = _plan_text(state, text, {"stop": params.get("stop"), "ignore_eos": params.get("ignore_eos")},
                            max_tokens)
    start = time.monotonic()

    def meta(cached):
        reason = ({"type": "length", "length": completion.count} if completion.finish_reason == "length"
                  else {"type": "stop", "matched": completion.matched_stop})
        return {"id": rid, "finish_reason": reason, "prompt_tokens": len(prompt),
                "weight_version": state.args.weight_version, "completion_tokens": completion.count,
                "cached_tokens": cached, "e2e_latency": round(time.monotonic() - start, 6)}

    state.log_receive(rid, body)
    if body.get("stream"):
        io.sse_start()
        pieces = []

        def on_token(i, token):
            pieces.append(token.text)
            io.sse({"text": "".join(pieces), "meta_info": {"id": rid, "finish_reason": None,
                                                           "prompt_tokens": len(prompt), "completion_tokens": i + 1}})

        cached = run(state, prompt, completion, on_token, io)
        io.sse({"text": "".join(pieces), "meta_info": meta(cached)})
        io.sse("[DONE]")
        io.sse_end()
        return
    cached = run(state, prompt, completion, lambda i, t: None)
    state.log_finish(rid, completion.text("content"), meta(cached))
    io.json(200, {"text": completion.text("content"), "meta_info": meta(cached)})
