import type { APIRoute } from 'astro';
import { socialCardResponse } from '../lib/card-response.ts';
import { SITE_NAME } from '../lib/site.ts';

/** The front page's card, for links to the site itself. */
export const GET: APIRoute = () =>
  socialCardResponse({ headline: 'Nyheter fra NTB, siste først', siteName: SITE_NAME });
