import type { Element, Properties, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { assertNestingLimit } from './nesting-limit.ts';

/**
 * The HTML an article may contain, in one place: the markdown pipeline
 * removes everything else, and the content check reports it.
 *
 * Allowed: GitHub's allow-list (text markup, links, images, lists, tables,
 * details) and `<abbr>`, with http(s) and mailto links and http(s) or relative images,
 * and `<iframe>` embeds from the hosts in `EMBED_HOSTS`. Never allowed:
 * `<script>`, `<style>`, other iframes, `on*` event attributes, and
 * `javascript:`, `data:` or other URL schemes.
 */

/** Video players an article may embed, over https. */
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'] as const;

export const HTML_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'iframe'],
  attributes: {
    ...defaultSchema.attributes,
    // The lede is marked in markdown, before the policy runs.
    p: [['className', 'lede']],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading'],
  },
  protocols: { ...defaultSchema.protocols, src: ['http', 'https'] },
  strip: ['script', 'style'],
};

export function isAllowedEmbed(src: unknown): boolean {
  if (typeof src !== 'string') return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && (EMBED_HOSTS as readonly string[]).includes(url.hostname);
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
  /** 1-based line in the markdown body. */
  line: number | undefined;
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
 * What the policy would remove from a markdown body, each with its line:
 * elements that are not allowed, and attributes dropped from allowed ones.
 * It runs the same parse and the same schema as the pipeline.
 */
export function htmlPolicyViolations(markdown: string): HtmlPolicyViolation[] {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw);
  // Checked on the markdown, before rehype-raw parses the HTML into a tree that may be too deep to walk.
  const markdownTree = processor.parse(markdown);
  assertNestingLimit(markdownTree);
  const tree = processor.runSync(markdownTree) as Root;
  const violations: HtmlPolicyViolation[] = [];
  visit(tree, 'element', (node: Element) => {
    const line = node.position?.start.line;
    const kept = sanitizedAlone(node);
    if (kept?.tagName !== node.tagName) {
      violations.push({ line, message: `<${node.tagName}> is not allowed in an article: remove it` });
      return;
    }
    if (node.tagName === 'iframe' && !isAllowedEmbed(node.properties.src)) {
      violations.push({
        line,
        message: `<iframe> may only embed from ${EMBED_HOSTS.join(' or ')} over https: remove it`,
      });
    }
    for (const [name, value] of Object.entries(node.properties)) {
      // The sanitizer prefixes ids to keep them apart from the page's own; that is a change, not a removal.
      if (!(name in kept.properties)) {
        violations.push({
          line,
          message: `${attributeText(name, value)} on <${node.tagName}> is not allowed: remove it`,
        });
      }
    }
  });
  return violations;
}
