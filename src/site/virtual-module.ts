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
    load: (source) =>
      source === id
        ? {
            // JSON.parse reads a large value faster than a JavaScript literal.
            code: `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`,
            // No source map, as Astro serves its content store: Vite would otherwise inline one that holds the
            // whole value again, for Node to decode, at every build.
            map: { mappings: '' },
          }
        : undefined,
  };
}
