// Turns TeX into MathML at build time for hooks/katex.py: one JSON request per line on
// stdin ({"tex", "display"}), one JSON answer per line on stdout ({"html"} or {"error"}).
// Kept running for a whole build, so node and KaTeX load once.
//
// Only the <math> element is kept: KaTeX's wrapping span, and the <semantics> and TeX
// <annotation> around the formula, add elements a browser neither draws nor needs
// (screen readers read MathML itself).
const katex = require("katex");
const readline = require("readline");

const MATH = /<math[^>]*>[\s\S]*<\/math>/;
const SEMANTICS = /<semantics><mrow>([\s\S]*)<\/mrow><annotation encoding="application\/x-tex">[\s\S]*?<\/annotation><\/semantics>/;

const SCRIPTED = new Set(["msub", "msup", "msubsup", "munder", "mover", "munderover"]);

// TeX puts no space around operators in sub- and superscripts (t-1 in m_{t-1} is tight);
// MathML Core spaces every <mo> by its operator dictionary, so say so on each one.
function tightenScripts(math) {
  const open = []; // {name, children, script}
  return math.replace(/<(\/?)([a-z]+)([^>]*)>/g, (tag, closing, name, attributes) => {
    if (closing) {
      open.pop();
      return tag;
    }
    const parent = open[open.length - 1];
    if (parent) parent.children += 1;
    const script = Boolean(parent && (parent.script || (SCRIPTED.has(parent.name) && parent.children > 1)));
    open.push({ name, children: 0, script });
    return name === "mo" && script ? `<mo lspace="0em" rspace="0em"${attributes}>` : tag;
  });
}

// MathML Core draws mathvariant="normal" only: \mathbb, \mathcal and \mathbf letters
// become the Unicode characters made for them (the math font has those glyphs).
const ALPHABETS = {
  bold: { A: 0x1d400, a: 0x1d41a, 0: 0x1d7ce },
  "double-struck": { A: 0x1d538, a: 0x1d552, 0: 0x1d7d8, C: 0x2102, H: 0x210d, N: 0x2115, P: 0x2119, Q: 0x211a, R: 0x211d, Z: 0x2124 },
  script: { A: 0x1d49c, a: 0x1d4b6, B: 0x212c, E: 0x2130, F: 0x2131, H: 0x210b, I: 0x2110, L: 0x2112, M: 0x2133, R: 0x211b, e: 0x212f, g: 0x210a, o: 0x2134 },
};

function styledLetter(variant, char) {
  const alphabet = ALPHABETS[variant];
  if (alphabet[char]) return String.fromCodePoint(alphabet[char]);
  const start = /[A-Z]/.test(char) ? "A" : /[a-z]/.test(char) ? "a" : /[0-9]/.test(char) ? "0" : null;
  if (start === null || alphabet[start] === undefined) throw new Error(`no ${variant} form of ${char}`);
  return String.fromCodePoint(alphabet[start] + char.charCodeAt(0) - start.charCodeAt(0));
}

function unicodeLetters(math) {
  return math.replace(/<(mi|mn) mathvariant="(bold|double-struck|script)">([^<]+)<\/\1>/g,
    (_, tag, variant, text) => `<${tag}>${[...text].map((c) => styledLetter(variant, c)).join("")}</${tag}>`);
}

function mathml(tex, display) {
  const out = katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", output: "mathml" });
  const math = out.match(MATH)[0].replace(' xmlns="http://www.w3.org/1998/Math/MathML"', "").replace(SEMANTICS, "$1");
  // \dots between commas is an ordinary symbol in TeX, not an operator to space out.
  const drawn = tightenScripts(unicodeLetters(math.replaceAll("<mo>…</mo>", "<mi>…</mi>")));
  // A displayed formula wider than the screen scrolls (site.css): focusable, a keyboard
  // reader can reach it and scroll it with the arrow keys too.
  return display ? drawn.replace('<math display="block">', '<math display="block" tabindex="0">') : drawn;
}

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = { html: mathml(tex, display) };
  } catch (err) {
    answer = { error: String(err.message || err) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
