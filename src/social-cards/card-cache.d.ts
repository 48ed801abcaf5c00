/** The card cache folder, in Astro's cacheDir: served by the social cards integration to its dev routes. */
declare module 'virtual:nyhetsleser/card-cache' {
  const cacheDir: string;
  export default cacheDir;
}
