/** The publication's name, as it appears in the masthead, titles and metadata. */
export const SITE_NAME = 'Nyhetsleser';

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
  /** Astro's cache folder, when not its default: test builds each keep their own. */
  cacheDir?: string;
}

/** Astro's cache folder when `cacheDir` is not set: Astro's own default, where the check and the build keep theirs too. */
export const DEFAULT_CACHE_DIR = 'node_modules/.astro';

/** Names of the environment variables that configure a build, with their defaults. */
export const ENVIRONMENT_DEFAULTS = {
  SITE_URL: 'http://localhost:4321',
  BASE_PATH: '/',
  CONTENT_DIR: 'content',
  ARTICLES_PER_PAGE: '20',
} as const;

/** A setting that cannot be used. Its message is one line that names the variable and what to write. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** `nyheter`, `/nyheter`, `/nyheter/` → `/nyheter/`; empty or `/` → `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** URL path segments that need no escaping, so that the base reads the same in every URL, header and redirect. */
const BASE_SEGMENTS = /^\/(?:[A-Za-z0-9._~-]+\/)*$/;

function parseSite(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SiteConfigError(
      `SITE_URL must be an absolute URL such as https://nyheter.example.no, not ${JSON.stringify(value)}`,
    );
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new SiteConfigError(`SITE_URL must start with https:// or http://, not ${JSON.stringify(value)}`);
  }
  if (url.username || url.password) {
    throw new SiteConfigError(
      `SITE_URL must not hold a user name or password, which every page would publish: give ${url.origin}`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteConfigError(
      `SITE_URL must be the site's address alone, like ${url.origin}: put the path ${normalizeBase(url.pathname)} in BASE_PATH`,
    );
  }
  return url.origin;
}

function parseBase(value: string): string {
  const base = normalizeBase(value);
  if (!BASE_SEGMENTS.test(base) || base.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new SiteConfigError(
      `BASE_PATH must be a path like /nyheter/, of letters, digits and - . _ ~ between slashes, not ${JSON.stringify(value)}`,
    );
  }
  return base;
}

function parseArticlesPerPage(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value)) {
    throw new SiteConfigError(
      `ARTICLES_PER_PAGE must be a whole number from 1 to 9999, like 20, not ${JSON.stringify(value)}`,
    );
  }
  return Number(value);
}

/** The site's settings from the environment, each checked: the one place the environment is read. */
export function siteConfigFromEnvironment(env: Record<string, string | undefined>): SiteConfig {
  return {
    site: parseSite(env.SITE_URL || ENVIRONMENT_DEFAULTS.SITE_URL),
    base: parseBase(env.BASE_PATH ?? ENVIRONMENT_DEFAULTS.BASE_PATH),
    contentDir: env.CONTENT_DIR || ENVIRONMENT_DEFAULTS.CONTENT_DIR,
    articlesPerPage: parseArticlesPerPage(env.ARTICLES_PER_PAGE || ENVIRONMENT_DEFAULTS.ARTICLES_PER_PAGE),
    ...(env.ASTRO_CACHE_DIR && { cacheDir: env.ASTRO_CACHE_DIR }),
  };
}

/**
 * The site config for a command: a bad setting ends it with its one line and
 * exit code 2, as a bad option would, rather than with a stack trace.
 */
export function siteConfigOrExit(env: Record<string, string | undefined>): SiteConfig {
  try {
    return siteConfigFromEnvironment(env);
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
}
