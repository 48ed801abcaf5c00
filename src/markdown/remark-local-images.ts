import type { Definition, Image, ImageReference, Parent, Root } from 'mdast';
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
  return async (tree: Root, file: VFile) => {
    const folder = file.dirname;
    if (!file.path || !folder) return;
    const photos: Array<{ node: Image | ImageReference; url: string; parent: Parent }> = [];
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node);
    });
    visit(tree, (node, _index, parent) => {
      const url =
        node.type === 'image'
          ? node.url
          : node.type === 'imageReference'
            ? definitions.get(node.identifier)?.url
            : undefined;
      if (url !== undefined && isLocalFile(url) && parent)
        photos.push({ node: node as Image | ImageReference, url, parent });
    });
    // Reading a photo is the slow part: the photos are read at once, then the bad ones taken out.
    const problems = await Promise.all(photos.map(({ url }) => localPhotoUrlProblem(folder, url)));
    photos.forEach(({ node, url, parent }, index) => {
      const problem = problems[index];
      if (!problem) return;
      reportProblem(file, node, `shows the photo "${url}", which ${problem}`);
      parent.children.splice(parent.children.indexOf(node as never), 1);
    });
  };
}
