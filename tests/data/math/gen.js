const katex = require('katex');
const {mathjax} = require('mathjax-full/js/mathjax.js');
const {TeX} = require('mathjax-full/js/input/tex.js');
const {CHTML} = require('mathjax-full/js/output/chtml.js');
const {liteAdaptor} = require('mathjax-full/js/adaptors/liteAdaptor.js');
const {RegisterHTMLHandler} = require('mathjax-full/js/handlers/html.js');
const {AllPackages} = require('mathjax-full/js/input/tex/AllPackages.js');
const {AssistiveMmlHandler} = require('mathjax-full/js/a11y/assistive-mml.js');
const formulas = [
  ['\\frac{\\partial f}{\\partial x} = \\lim_{\\epsilon \\to 0} \\frac{f(x + \\epsilon) - f(x - \\epsilon)}{2\\epsilon}', true],
  ['\\text{Attention}(Q, K, V) = \\text{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V', true],
  ['x_i^2', false],
  ['\\alpha + \\beta', false],
];
let k = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>KaTeX sample</title></head><body><article><h1>KaTeX sample</h1>';
for (const [f, d] of formulas) {
  k += '<p>The formula ' + katex.renderToString(f, {displayMode: d, output: 'htmlAndMathml'}) + ' is what the model computes at each step of the training loop over the data.</p>';
}
k += '</article></body></html>';
require('fs').writeFileSync('katex.html', k);
const adaptor = liteAdaptor();
const handler = RegisterHTMLHandler(adaptor);
AssistiveMmlHandler(handler);
let body = '<article><h1>MathJax sample</h1>';
for (const [f, d] of formulas) {
  body += '<p>The formula ' + (d ? '$$' + f + '$$' : '\\(' + f + '\\)') + ' is what the model computes at each step of the training loop over the data.</p>';
}
body += '</article>';
const html = mathjax.document('<!DOCTYPE html><html><head><meta charset="utf-8"><title>MathJax sample</title></head><body>' + body + '</body></html>', {InputJax: new TeX({packages: AllPackages}), OutputJax: new CHTML({fontURL: 'x'})});
html.render();
// MathJax's generated stylesheet is left out: the test needs the formulas' markup only.
require('fs').writeFileSync('mathjax3.html', adaptor.outerHTML(adaptor.root(html.document)).replace(/<style[^>]*>[\s\S]*?<\/style>/g, ''));
