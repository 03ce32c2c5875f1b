// The script of test/browser/csp.html, whose policy refuses inline scripts and eval: both entries
// as window.codec and window.ga, then readiness.
import * as codec from '/dist/browser.mjs';
import * as ga from '/dist/ga/browser.mjs';

window.codec = codec;
window.ga = ga;
window.pageReady = true;
