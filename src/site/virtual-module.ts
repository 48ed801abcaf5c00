import type { Plugin } from 'vite';

/**
 * A Vite plugin that serves `value` as the default export of the module
 * `name`. Astro loads its config apart from the modules of the site and the
 * content config, so this is how a value the config has made reaches them.
 */
export function virtualModule(name: string, value: unknown): Plugin {
  const id = `\0${name}`;
  return {
    name: `nyhetsleser:${name}`,
    resolveId: (source) => (source === name ? id : undefined),
    // JSON.parse reads a large value faster than a JavaScript literal.
    load: (source) =>
      source === id ? `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});` : undefined,
  };
}
