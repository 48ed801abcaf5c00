import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyReport, fragmentForms, reportProblem } from './body-report.ts';
import { CLOBBER_PREFIX } from './html-policy.ts';

/** A link within the site: a path from its root, or a section of this page. */
function isSiteLink(href: string): boolean {
  return /^[/#]/.test(href) && !href.startsWith('//');
}

function isDecodable(href: string): boolean {
  try {
    decodeURI(href);
    decodeURIComponent(href.slice(href.indexOf('#') + 1));
    return true;
  } catch {
    return false;
  }
}

/**
 * The body's links within the site, as the editor wrote them: each is
 * recorded for the content check to resolve, and a malformed one is
 * reported. A link to a section that the HTML policy prefixed, such as a
 * footnote's, is pointed at the prefixed id, and a path gets the site's base.
 * Runs after every plugin that gives ids or writes links.
 */
export default function rehypeInternalLinks({ base }: { base: string }) {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      const { href } = node.properties;
      if (node.tagName !== 'a' || typeof href !== 'string' || !isSiteLink(href)) return;
      // Links the pipeline made itself, such as heading anchors and footnote back-links, have no place in the source.
      const written = node.position;
      if (!isDecodable(href)) {
        if (written)
          reportProblem(file, node, `links to ${href}, which is not a valid address: write a percent sign as %25`);
        return;
      }
      const hash = href.indexOf('#');
      const forms = hash >= 0 ? fragmentForms(href.slice(hash + 1)) : [];
      const prefixed =
        hash === 0 && !forms.some((form) => ids.has(form)) && forms.some((form) => ids.has(CLOBBER_PREFIX + form));
      const url = prefixed ? `#${CLOBBER_PREFIX}${href.slice(1)}` : href;
      if (written) bodyReport(file).links.push({ url, line: written.start.line });
      node.properties.href = url.startsWith('/') ? `${base}${url.slice(1)}` : url;
    });
  };
}
