/**
 * Turbopack loader (next.config.js `turbopack.rules`) for monaco-editor 0.55's JSON language and
 * worker glue. Its ESM build makes those files import every editor feature and the quick-access
 * widgets as side effects (microsoft/monaco-editor#5162): the JSON language alone then pulls in all
 * of editor.main but the other languages, ~900 kB gzip. This drops exactly those side-effect-only
 * imports of `editor/browser`, `editor/contrib`, `editor/standalone/browser`,
 * `editor/common/standaloneStrings` and the codicon CSS; imports that bind names are kept.
 * components/template-editor/monaco-setup.ts imports the features Pooldeck uses itself.
 */
const FEATURE_IMPORT =
  /^import '(?:\.\.\/)+(?:editor\/(?:browser|contrib|standalone\/browser)\/[^']+|editor\/common\/standaloneStrings\.js|base\/browser\/ui\/codicons\/[^']+)';\r?\n/gm;

module.exports = function monacoFeaturesLoader(source) {
  return source.replace(FEATURE_IMPORT, "");
};

module.exports.FEATURE_IMPORT = FEATURE_IMPORT;
