import { createHash } from 'node:crypto';
import { photoSignature } from '../content/photo-signature.ts';
import { SITE_NAME } from './config.ts';

/**
 * The keys of Astro's incremental build: a page whose key and code are as in
 * the last build is copied from it instead of rendered. So a key must cover
 * everything the page shows. Every key covers what every page shows of the
 * whole site (its address, base and name, and the masthead's archive year),
 * and then what the page shows of its articles: an article's key is its data,
 * its rendered body (so a change of the pipeline's code shows), by the file
 * the loader keeps it in, which is named by a hash of it, and its photo
 * files, which the body and the lead photo are drawn from. The body's photos
 * are the loader's signature of them (src/content/loader.ts), taken this build.
 */

/** What a key needs of an article entry; Astro's entries have more. */
export interface KeyedArticle {
  data: Record<string, unknown> & { photo?: { src?: object | undefined } | undefined };
  rendered?: { html: string; metadata?: Record<string, unknown> | undefined } | undefined;
}

/** What every page shows of the whole site. */
export interface SiteWide {
  site: string | undefined;
  base: string;
  newestYear: string | undefined;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

const articleKeys = new WeakMap<KeyedArticle, Promise<string>>();

/** An article's key, worked out once a build however many pages show it. */
export function articleKey(article: KeyedArticle): Promise<string> {
  let key = articleKeys.get(article);
  if (!key) {
    key = (async () => {
      // Astro's image metadata has the file's path in a build, though its type does not say so.
      const leadPhoto = (article.data.photo?.src as { fsPath?: string } | undefined)?.fsPath;
      const photos = [article.rendered?.metadata?.photosSignature, leadPhoto && (await photoSignature(leadPhoto))];
      return hash([article.data, article.rendered?.metadata?.bodyFile, photos]);
    })();
    articleKeys.set(article, key);
  }
  return key;
}

/** A page's key: the site, the articles it shows, and anything else of its own it shows. */
export async function pageKey(
  siteWide: SiteWide,
  articles: readonly KeyedArticle[],
  ...own: unknown[]
): Promise<string> {
  return hash([SITE_NAME, siteWide, await Promise.all(articles.map(articleKey)), own]);
}
