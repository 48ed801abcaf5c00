import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportProblem } from './body-report.ts';
import { isLocalFile, localPhotoUrlProblem } from './local-photos.ts';

/**
 * Reports a photo in the body that is not a file beside the article, and
 * leaves it out of the page, since Astro would stop the build on it without
 * naming the article. Runs before Astro collects the body's images.
 */
export default function remarkLocalImages() {
  return (tree: Root, file: VFile) => {
    const folder = file.dirname;
    if (!file.path || !folder) return;
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node);
    });
    visit(tree, (node, index, parent) => {
      const url =
        node.type === 'image'
          ? node.url
          : node.type === 'imageReference'
            ? definitions.get(node.identifier)?.url
            : undefined;
      if (url === undefined || !isLocalFile(url) || !parent || index === undefined) return;
      const problem = localPhotoUrlProblem(folder, url);
      if (!problem) return;
      reportProblem(file, node, `shows the photo "${url}", which ${problem}`);
      parent.children.splice(index, 1);
      return index;
    });
  };
}
