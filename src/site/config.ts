/** The publication's name, as it appears in the masthead, titles and metadata. */
export const SITE_NAME = 'Nyhetsleser';

/** How wide photos are shown: the text column (38rem) on wide screens, the screen less its margins on phones. */
export const PHOTO_SIZES = '(min-width: 40.5rem) 38rem, calc(100vw - 2.5rem)';

/** The site's language, for `<html lang>`. */
export const SITE_LANGUAGE = 'nb';

export interface SiteConfig {
  /** The absolute origin, with any sub-path left to `base`: https://nyheter.example.no */
  site: string;
  /** The sub-path the site is served under, with leading and trailing slashes: `/` or `/nyheter/` */
  base: string;
  /** The folder articles are loaded from, relative to the project root. */
  contentDir: string;
  /** How many articles a page of the front page or a topic lists. */
  articlesPerPage: number;
}

/**
 * Set by `npm run build` for the Astro it starts, since it checks every
 * article in full itself and keeps nothing Astro builds unless that check
 * passes. It lives here, apart from the check, so that the build script that
 * sets it need not load the check's code and keep it in memory for the whole
 * build.
 */
export const BODIES_CHECKED = 'NYHETSLESER_BODIES_CHECKED';

/** Names of the environment variables that configure a build, with their defaults. */
export const ENVIRONMENT_DEFAULTS = {
  SITE_URL: 'http://localhost:4321',
  BASE_PATH: '/',
  CONTENT_DIR: 'content',
  ARTICLES_PER_PAGE: '20',
} as const;

/** `nyheter`, `/nyheter`, `/nyheter/` → `/nyheter/`; empty or `/` → `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function siteConfigFromEnvironment(env: Record<string, string | undefined>): SiteConfig {
  const site = env.SITE_URL || ENVIRONMENT_DEFAULTS.SITE_URL;
  try {
    new URL(site);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://nyheter.example.no, not "${site}".`);
  }
  const perPage = env.ARTICLES_PER_PAGE || ENVIRONMENT_DEFAULTS.ARTICLES_PER_PAGE;
  if (!/^[1-9]\d*$/.test(perPage)) {
    throw new Error(`ARTICLES_PER_PAGE must be a whole number of at least 1, not "${perPage}".`);
  }
  return {
    site: site.replace(/\/+$/, ''),
    base: normalizeBase(env.BASE_PATH ?? ENVIRONMENT_DEFAULTS.BASE_PATH),
    contentDir: env.CONTENT_DIR || ENVIRONMENT_DEFAULTS.CONTENT_DIR,
    articlesPerPage: Number(perPage),
  };
}
