import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyReport } from './body-report.ts';
import { pluginFrontmatter } from './frontmatter.ts';

/**
 * Runs last: adds every id the page's body has, and hands the body report to
 * Astro in the plugin frontmatter, which Astro keeps with the rendered
 * article, also between builds.
 */
export default function rehypeBodyReport() {
  return (tree: Root, file: VFile) => {
    const report = bodyReport(file);
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') report.ids.push(node.properties.id);
    });
    pluginFrontmatter(file).bodyReport = report;
  };
}
