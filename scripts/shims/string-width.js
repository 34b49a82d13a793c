// string-width for yargs's help layout, bundled in its place (see scripts/bundle.js). Printable
// ASCII, which is all of apistyle's help, is as wide as it is long; string-width itself, whose
// module start builds an Intl.Segmenter and Unicode property regexes (24 ms of every run), is
// evaluated the first time other text is measured. esbuild bundles a require() of an ES module
// as a module initialised on that first call.
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
let measure;

export default function stringWidth(text, options) {
  if (typeof text === 'string' && PRINTABLE_ASCII.test(text)) return text.length;
  measure ??= require('string-width').default;
  return measure(text, options);
}
