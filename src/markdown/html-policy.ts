import type { Element, Properties, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';

/**
 * The HTML an article may contain, in one place: the markdown pipeline
 * removes everything else, and reports what it removed.
 *
 * Allowed: GitHub's allow-list (text markup, links, images, lists, tables,
 * details) and `<abbr>`, with http(s) and mailto links and http(s) or relative images,
 * and `<iframe>` embeds from the hosts in `EMBED_HOSTS`. Never allowed:
 * `<script>`, `<style>`, other iframes, `on*` event attributes, and
 * `javascript:`, `data:` or other URL schemes.
 *
 * The site's Content-Security-Policy (src/site/content-security-policy.ts) is
 * made from `EMBED_ORIGINS` and `IMAGE_SCHEMES`, so that it lets through what
 * this policy lets through, and nothing more.
 */

/** Video players an article may embed, over https. */
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'] as const;

/** The embeds as origins: https on its default port, as a CSP's `frame-src` names them. */
export const EMBED_ORIGINS: readonly string[] = EMBED_HOSTS.map((host) => `https://${host}`);

/** Schemes an image (and an embed, before its origin is checked) may load from; relative URLs stay on the site. */
export const IMAGE_SCHEMES = ['http', 'https'] as const;

/** What the policy puts before ids from the content, so that they cannot clobber the page's own. */
export const CLOBBER_PREFIX = 'user-content-';

export const HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    // The lede is marked in markdown, before the policy runs.
    p: [['className', 'lede']],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading'],
  },
  protocols: { ...defaultSchema.protocols, src: [...IMAGE_SCHEMES] },
  strip: ['script', 'style'],
  clobberPrefix: CLOBBER_PREFIX,
};

export function isAllowedEmbed(src: unknown): boolean {
  if (typeof src !== 'string') return false;
  try {
    // By origin, as the CSP allows it: another port or scheme is another origin.
    return EMBED_ORIGINS.includes(new URL(src).origin);
  } catch {
    return false;
  }
}

/** Applies the policy to a tree: sanitizes it, then removes iframes from hosts not on the list. */
export function applyHtmlPolicy(tree: Root): Root {
  const clean = sanitize(tree, HTML_SCHEMA) as Root;
  visit(clean, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'iframe' && parent && index !== undefined && !isAllowedEmbed(node.properties.src)) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  return clean;
}

export interface HtmlPolicyViolation {
  /** The element as written, for its place in the body. */
  node: Element;
  message: string;
}

/** `onError` as the editor wrote it: `onerror="…"`. */
function attributeText(property: string, value: Properties[string]): string {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  // Control characters are written out, so that each problem stays on one line.
  return `${find(html, property).attribute}=${JSON.stringify(text)}`;
}

/** The element as the policy leaves it, without its children, inside the ancestor it requires (a <td> needs a <table>). */
function sanitizedAlone(node: Element): Element | undefined {
  const alone: Element = { ...node, children: [] };
  const ancestor = HTML_SCHEMA.ancestors?.[node.tagName]?.[0];
  const tree: Root = {
    type: 'root',
    children: [ancestor ? { type: 'element', tagName: ancestor, properties: {}, children: [alone] } : alone],
  };
  const [kept] = (sanitize(tree, HTML_SCHEMA) as Root).children;
  const element = ancestor && kept?.type === 'element' ? kept.children[0] : kept;
  return element?.type === 'element' ? element : undefined;
}

/**
 * How many elements and attributes a tree has, what the policy can only take
 * away: the attributes it requires and adds itself (a task list's checkbox
 * is `disabled`) do not count.
 */
function markupCount(tree: Root): number {
  let count = 0;
  visit(tree, 'element', (node: Element) => {
    const required = HTML_SCHEMA.required?.[node.tagName] ?? {};
    count += 1 + Object.keys(node.properties).filter((name) => !(name in required)).length;
  });
  return count;
}

/**
 * What the policy removes from a tree of parsed HTML, element by element:
 * elements that are not allowed, and attributes dropped from allowed ones.
 * `clean` is the tree after the policy; when it has as much markup as the
 * tree, nothing was removed and the elements need not be held up one by one.
 */
export function htmlPolicyViolations(tree: Root, clean: Root): HtmlPolicyViolation[] {
  const violations: HtmlPolicyViolation[] = [];
  if (markupCount(clean) === markupCount(tree)) return violations;
  visit(tree, 'element', (node: Element) => {
    const kept = sanitizedAlone(node);
    if (kept?.tagName !== node.tagName) {
      violations.push({ node, message: `<${node.tagName}> is not allowed in an article: remove it` });
      return;
    }
    if (node.tagName === 'iframe' && !isAllowedEmbed(node.properties.src)) {
      violations.push({
        node,
        message: `<iframe> may only embed from ${EMBED_HOSTS.join(' or ')} over https: remove it`,
      });
    }
    for (const [name, value] of Object.entries(node.properties)) {
      // The sanitizer prefixes ids to keep them apart from the page's own; that is a change, not a removal.
      if (!(name in kept.properties)) {
        violations.push({
          node,
          message: `${attributeText(name, value)} on <${node.tagName}> is not allowed: remove it`,
        });
      }
    }
  });
  return violations;
}
