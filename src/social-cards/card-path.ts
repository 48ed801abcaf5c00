/** The name of every card file; apart from the renderer, so that the build script can name cards cheaply. */
export const CARD_FILE = 'card.png';

/** Where a page's card is: `/2025/09/02/<slug>/card.png` beside the article, `/card.png` for the site. */
export const cardPath = (pagePath: string) => `${pagePath}${CARD_FILE}`;
