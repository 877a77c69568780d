"""Deterministic "model output": token lists derived from the request, never from chance.

A token is a word, a punctuation mark or a special tag, with its leading
whitespace; joining the tokens gives the text back, and usage counts them.
"""

import hashlib
import json
import random
import re

TOKEN_RE = re.compile(r"\s*(?:</?[A-Za-z_|]+>|\w+|[^\w\s])")

WORDS = (
    "the model answers each question with care and a steady stream of plain words that "
    "describe simple ideas about light water cities rivers numbers time music gardens "
    "bridges stars maps trains letters colors seasons clouds mountains books lamps "
    "windows roads forests harbors markets kitchens engines circuits servers tokens "
    "signals memory patterns layers weights batches queues requests replies notes "
    "careful quick quiet bright early later often rarely always gently clearly simply "
    "builds finds keeps moves opens reads sends shows takes turns writes learns"
).split()
THOUGHTS = (
    "first I should understand what is being asked then consider the relevant facts "
    "check each step and make sure the answer is consistent before writing it down "
    "the user wants a short clear reply so I will keep it direct"
).split()


def count_tokens(text):
    return len(TOKEN_RE.findall(text or ""))


def tokenize(text):
    return TOKEN_RE.findall(text or "")


def seed_for(*parts):
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()
    return int(digest[:16], 16)


def prose(rnd, count, vocabulary=WORDS):
    """`count` tokens of sentences: words, commas and full stops."""
    tokens, in_sentence, sentence_len = [], 0, rnd.randint(6, 14)
    while len(tokens) < count:
        if in_sentence >= sentence_len:
            tokens.append(".")
            in_sentence, sentence_len = 0, rnd.randint(6, 14)
            continue
        word = rnd.choice(vocabulary)
        if in_sentence == 0:
            word = word.capitalize()
        elif in_sentence == 4 and sentence_len > 9:
            tokens.append(",")
            if len(tokens) >= count:
                break
        tokens.append(word if not tokens else " " + word)
        in_sentence += 1
    return tokens[:count]


def answer_tokens(seed, limit=None):
    rnd = random.Random(seed)
    return prose(rnd, limit or rnd.randint(24, 72))


def reasoning_tokens(seed):
    rnd = random.Random(seed ^ 0x5EED)
    return prose(rnd, rnd.randint(12, 36), THOUGHTS)


class Token:
    """One generated token; `channel` says where it shows: content, reasoning, hidden (a
    parser consumed it) or tool (raw tool-call text the tool parser turns into tool_calls)."""

    __slots__ = ("text", "channel")

    def __init__(self, text, channel):
        self.text, self.channel = text, channel


class Completion:
    """The tokens one request produces, after max_tokens and stop strings."""

    def __init__(self, tokens, finish_reason, matched_stop, tool_call=None):
        self.tokens = tokens
        self.finish_reason = finish_reason
        self.matched_stop = matched_stop
        self.tool_call = tool_call

    def text(self, channel):
        return "".join(t.text for t in self.tokens if t.channel == channel)

    @property
    def count(self):
        return len(self.tokens)


def finish(tokens, max_tokens, stops, eos_token_id, tool_call=None):
    """Cut `tokens` at a stop string or at max_tokens, like the detokenizer's checks."""
    stops = [s for s in (stops or []) if s]
    out, seen = [], ""
    for token in tokens:
        if max_tokens is not None and len(out) >= max_tokens:
            return Completion(out, "length", None)
        visible = token.channel in ("content", "reasoning")
        if visible and stops:
            before = len(seen)
            seen += token.text
            hits = [(seen.find(s, max(0, before - len(s) + 1)), s) for s in stops]
            hits = [(i, s) for i, s in hits if i >= 0]
            if hits:
                index, stop = min(hits)
                cut = token.text[: max(0, index - before)]
                if cut:
                    out.append(Token(cut, token.channel))
                else:
                    out.append(Token("", token.channel))
                return Completion(out, "stop", stop)
        out.append(token)
    if tool_call is not None:
        return Completion(out, "tool_calls", eos_token_id, tool_call)
    return Completion(out, "stop", eos_token_id)
