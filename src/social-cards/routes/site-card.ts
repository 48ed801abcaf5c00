import type { APIRoute } from 'astro';
import cacheDir from 'virtual:nyhetsleser/card-cache';
import { FRONT_PAGE_CARD, socialCardResponse } from '../cards.ts';

/** The front page's card, for links to the site itself. */
export const GET: APIRoute = () => socialCardResponse(FRONT_PAGE_CARD, cacheDir);
