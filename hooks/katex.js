// Renders TeX to HTML (no MathML copy) at build time for hooks/katex.py: one JSON request per
// line on stdin ({"tex", "display"}), one JSON answer per line on stdout
// ({"html"} or {"error"}). Kept running for a whole build, so node and KaTeX load once.
const katex = require("katex");
const readline = require("readline");

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", output: "html" }) };
  } catch (err) {
    answer = { error: String(err.message || err) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
