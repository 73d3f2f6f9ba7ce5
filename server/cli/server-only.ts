import { register } from "node:module";

/**
 * Server modules are marked `server-only`, a package that throws unless it is resolved with the
 * "react-server" condition, as Next resolves server code. The CLI is server code too: this hook
 * resolves the marker with that condition. Static imports are resolved before any code runs, so
 * commands load such modules with a dynamic `import()` after calling this.
 */
const SERVER_ONLY_AS_SERVER = `data:text/javascript,${encodeURIComponent(
  [
    "export function resolve(specifier, context, next) {",
    '  if (specifier !== "server-only") return next(specifier, context);',
    '  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });',
    "}",
  ].join("\n"),
)}`;
let registered = false;

export function allowServerOnly(): void {
  if (registered) return;
  register(SERVER_ONLY_AS_SERVER);
  registered = true;
}
