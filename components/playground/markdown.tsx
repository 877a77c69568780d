"use client";

import "highlight.js/styles/github-dark.css";
import "./markdown.css";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";

/** A model's answer as Markdown, code blocks highlighted; raw HTML in the answer is shown as text, never run. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown text-sm leading-relaxed">
      <ReactMarkdown rehypePlugins={[[rehypeHighlight, { detect: true, ignoreMissing: true }]]}>{text}</ReactMarkdown>
    </div>
  );
}
