import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './body-report.ts';
import { isLocalFile } from './local-photos.ts';

/**
 * A photo in raw HTML, `<img src="./foto.jpg">`, is not published with the
 * site as a markdown photo is, so it would show as a broken image; and an
 * address that cannot be read stops Astro's image pass, which reads every
 * image's. Each is reported and left out. Runs after the HTML policy.
 */
export default function rehypeRawImages() {
  return (tree: Root, file: VFile) => {
    // The markdown photos, as Astro collected them (read, not escaped).
    const published = new Set(file.data.astro?.localImagePaths ?? []);
    visit(tree, 'element', (node: Element, index, parent) => {
      const { src } = node.properties;
      if (node.tagName !== 'img' || typeof src !== 'string' || !parent || index === undefined) return;
      let problem: string | undefined;
      try {
        const read = decodeURI(src);
        if (isLocalFile(src) && !published.has(read)) {
          problem = `<img src="${src}"> does not publish the photo: write it in markdown, ![what it shows](${src})`;
        }
      } catch {
        problem = `<img src="${src}"> is not a valid address: write a percent sign as %25`;
      }
      if (!problem) return;
      reportProblem(file, node, problem);
      parent.children.splice(index, 1);
      return index;
    });
  };
}
