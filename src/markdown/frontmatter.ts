import type { VFile } from 'vfile';
import type {} from '@astrojs/markdown-remark';

/**
 * The frontmatter Astro hands to pages as `remarkPluginFrontmatter`. Plugins
 * write what they derive here, beside what the file itself declared.
 */
export function pluginFrontmatter(file: VFile): Record<string, unknown> {
  file.data.astro ??= {};
  return (file.data.astro.frontmatter ??= {});
}
